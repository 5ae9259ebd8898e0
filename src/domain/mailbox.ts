export type Right = 'full-access' | 'send-as' | 'send-on-behalf';
export const ALL_RIGHTS: readonly Right[] = ['full-access', 'send-as', 'send-on-behalf'];
export const DEFAULT_RIGHTS: readonly Right[] = ['full-access', 'send-as'];

export type MailboxKind = 'shared' | 'user' | 'room' | 'equipment' | 'other';

/** A mailbox's settings as Exchange (and Graph, for the account) report them. */
export interface Mailbox {
  /** Entra object id of the mailbox's account (Exchange's ExternalDirectoryObjectId). */
  readonly id: string;
  readonly displayName: string;
  readonly address: string;
  readonly kind: MailboxKind;
  readonly hiddenFromAddressLists: boolean;
  /** Bare SMTP address of external-style forwarding (`ForwardingSmtpAddress` without `smtp:`). */
  readonly forwardingSmtpAddress?: string;
  /** Internal forwarding recipient as Exchange names it (`ForwardingAddress`). */
  readonly forwardingAddress?: string;
  readonly deliverToMailboxAndForward: boolean;
  readonly messageCopyForSentAsEnabled: boolean;
  readonly messageCopyForSendOnBehalfEnabled: boolean;
}

/** One permission entry as Exchange lists it, `NT AUTHORITY\SELF` and inherited system rows removed. */
export interface RawGrant {
  readonly right: Right;
  /** The trustee as Exchange names it: UPN, group name, object id, or a SID for a deleted trustee. */
  readonly trustee: string;
  readonly deny: boolean;
}

/** Everything Exchange says about who can reach a mailbox, read in one go. */
export interface MailboxAccess {
  readonly mailbox: Mailbox;
  readonly grants: readonly RawGrant[];
  /** Total size of the mailbox's items in bytes, when it was asked for. */
  readonly sizeBytes?: number;
  /** Whether the mailbox's own account may sign in, as Exchange reports it (`AccountDisabled`), when asked for. */
  readonly accountEnabled?: boolean;
}
