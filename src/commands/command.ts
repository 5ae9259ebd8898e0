import type { Right } from '../domain/mailbox';

/** A grant's length as the user said it. */
export type Duration = { readonly days: number } | { readonly until: string /* YYYY-MM-DD */ };

/**
 * Everything a user can ask, from chat text or a card action. Mailbox and person fields hold what
 * the user typed (resolved later by the app); `id:<guid>` means an already resolved object id.
 */
export type Command =
  | { readonly kind: 'help'; readonly notUnderstood?: string }
  | { readonly kind: 'who-can-access'; readonly mailbox: string }
  | { readonly kind: 'my-mailboxes' }
  | {
      readonly kind: 'request-grant';
      readonly person: string;
      readonly mailbox: string;
      readonly rights: readonly Right[];
      readonly automapping: boolean;
      readonly duration?: Duration;
      readonly reason?: string;
    }
  | {
      readonly kind: 'request-revoke';
      readonly person: string;
      readonly mailbox: string;
      readonly rights: readonly Right[];
      readonly reason?: string;
    }
  | { readonly kind: 'pending' }
  | { readonly kind: 'history'; readonly mailbox: string; readonly since?: string /* YYYY-MM-DD */ }
  | { readonly kind: 'owners'; readonly mailbox: string }
  | { readonly kind: 'add-owner'; readonly person: string; readonly mailbox: string }
  | { readonly kind: 'remove-owner'; readonly person: string; readonly mailbox: string }
  | { readonly kind: 'set-approvals-channel' }
  | { readonly kind: 'decide'; readonly requestId: string; readonly verdict: 'approve' | 'reject'; readonly reason?: string }
  | { readonly kind: 'cancel'; readonly requestId: string }
  | { readonly kind: 'refresh'; readonly requestId: string }
  | { readonly kind: 'pick-person'; readonly pending: string; readonly personId: string }
  | { readonly kind: 'mailbox-settings'; readonly mailbox: string }
  | { readonly kind: 'request-automap'; readonly mailbox: string; readonly person: string; readonly automapping: boolean }
  /** No `to`: stop forwarding. */
  | { readonly kind: 'request-forwarding'; readonly mailbox: string; readonly to?: string; readonly keepCopy: boolean }
  | { readonly kind: 'request-sent-items'; readonly mailbox: string; readonly enabled: boolean }
  /** No `message`: turn automatic replies off. */
  | { readonly kind: 'request-auto-reply'; readonly mailbox: string; readonly message?: string; readonly until?: string /* YYYY-MM-DD */ }
  | { readonly kind: 'request-address-lists'; readonly mailbox: string; readonly hidden: boolean }
  | { readonly kind: 'request-block-sign-in'; readonly mailbox: string }
  | { readonly kind: 'request-create-mailbox'; readonly name: string; readonly address: string; readonly members: readonly string[] }
  | { readonly kind: 'request-convert'; readonly mailbox: string }
  | { readonly kind: 'diagnose'; readonly person: string; readonly mailbox: string }
  | { readonly kind: 'undo'; readonly requestId: string }
  /** The trustee of a time-bound grant asks for it again, for as long, from its end. */
  | { readonly kind: 'extend-grant'; readonly requestId: string }
  | { readonly kind: 'verify-history'; readonly mailbox?: string }
  | { readonly kind: 'export-history'; readonly mailbox?: string }
  | { readonly kind: 'report' }
  | { readonly kind: 'review'; readonly mailbox: string }
  /** `choices` by trustee object id (lower case), as the card's inputs sent them: untrusted until matched to the stored review. */
  | { readonly kind: 'submit-review'; readonly reviewId: string; readonly choices: Readonly<Record<string, 'keep' | 'remove'>> };

export type CommandOf<K extends Command['kind']> = Extract<Command, { kind: K }>;
