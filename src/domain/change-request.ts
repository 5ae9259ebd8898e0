import type { Right } from './mailbox';
import type { SettingChange } from './setting-change';

/** A person or group as recorded in a request: enough to show and to address in Exchange. */
export interface PrincipalRef {
  readonly kind: 'user' | 'group';
  readonly id: string;
  readonly displayName: string;
  /** UPN for users, mail for mail-enabled groups: what Exchange takes as a trustee. */
  readonly address: string;
}

export interface MailboxRef {
  readonly id: string;
  readonly displayName: string;
  readonly address: string;
}

/** The change a request asks for. Later kinds (forwarding, settings) extend this union. */
export type Change =
  | {
      readonly kind: 'grant';
      readonly mailbox: MailboxRef;
      readonly trustee: PrincipalRef;
      readonly rights: readonly Right[];
      readonly automapping: boolean;
      /** ISO instant when a time-bound grant ends. */
      readonly until?: string;
    }
  | {
      readonly kind: 'revoke';
      readonly mailbox: MailboxRef;
      readonly trustee: PrincipalRef;
      readonly rights: readonly Right[];
    }
  | SettingChange;

export type RequestStatus =
  | 'pending'
  | 'approved'
  | 'executing'
  | 'done'
  | 'failed'
  | 'rejected'
  | 'cancelled'
  | 'expired'
  | 'revoked';

export interface Decision {
  readonly verdict: 'approved' | 'rejected' | 'cancelled';
  readonly by: PrincipalRef;
  readonly at: string;
  readonly reason?: string;
}

export interface ExecutionState {
  readonly attempts: number;
  /** Who holds the execution right now, and until when (ISO); another instance may take over after. */
  readonly leaseOwner?: string;
  readonly leaseUntil?: string;
  readonly nextAttemptAt?: string;
  readonly lastError?: string;
  /** What the change touched, read before its first Exchange call; kept across retries and takeovers. */
  readonly before?: BeforeState;
  /** The Exchange calls carried out so far and what they said; a resumed execution goes on after them. */
  readonly progress?: { readonly steps: readonly string[]; readonly warnings: readonly string[] };
}

/** Who is recording and telling a result, and until when (ISO); another instance may take over after. */
export interface FollowUpClaim {
  readonly leaseOwner: string;
  readonly leaseUntil: string;
}

/** The trustee's direct rights and recorded automapping on the mailbox before a change ran. */
export interface BeforeState {
  readonly rights: readonly Right[];
  /** Undefined when the bot had recorded nothing. */
  readonly automapping?: boolean;
}

export interface ExecutionResult {
  readonly at: string;
  readonly ok: boolean;
  /** What ran in Exchange, one line per call, and what it said. */
  readonly steps: readonly string[];
  readonly warnings: readonly string[];
  readonly error?: string;
  readonly before?: BeforeState;
}

export interface ChangeRequest {
  readonly id: string;
  readonly change: Change;
  readonly requester: PrincipalRef;
  readonly reason?: string;
  /** Entra object ids of the people who may decide; never includes the requester. */
  readonly approverIds: readonly string[];
  readonly status: RequestStatus;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly decision?: Decision;
  readonly execution?: ExecutionState;
  readonly result?: ExecutionResult;
  /** The id of the request this one undoes. */
  readonly undoOf?: string;
  /** When the trustee was offered an extension of this time-bound grant (sent once). */
  readonly reminderSentAt?: string;
  /** Set with the result until it is audited and told; a claim like the execution's, so a crash retells. */
  readonly followUp?: FollowUpClaim;
  /** Opaque concurrency token from the store; a write carrying a stale one fails with 'conflict'. */
  readonly version: string;
}

/** An append-only record of something the bot did or was asked to do. */
export interface AuditEntry {
  readonly id: string;
  readonly at: string;
  readonly mailboxId: string;
  readonly mailboxAddress: string;
  readonly requestId?: string;
  readonly actor: PrincipalRef;
  readonly action: string;
  readonly detail: string;
  readonly outcome: 'ok' | 'failed' | 'info';
  /** The hash of the mailbox's entry before this one ('' for the first): entries form a tamper-evident chain. */
  readonly prevHash?: string;
  /** SHA-256 over this entry's fields and `prevHash` (see domain/audit-chain). */
  readonly hash?: string;
}
