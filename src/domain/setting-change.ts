import type { MailboxRef, PrincipalRef } from './change-request';

/** Longest automatic reply the bot sends on. */
export const MAX_REPLY = 4000;

/** Automatic replies as the bot sets them: the same text inside and outside the organisation. */
export interface AutoReplySetting {
  readonly status: 'disabled' | 'alwaysEnabled' | 'scheduled';
  readonly message: string;
  /** ISO instants, for a scheduled reply only. */
  readonly start?: string;
  readonly end?: string;
}

/** Where a forwarded mailbox sends its mail. */
export interface ForwardingTarget {
  readonly address: string;
  /** Internal recipients are named to Exchange as a recipient (ForwardingAddress), external ones as SMTP. */
  readonly external: boolean;
  readonly keepCopy: boolean;
}

/** Changes to a mailbox's settings rather than to who holds which right on it. */
export type SettingChange =
  | { readonly kind: 'automap'; readonly mailbox: MailboxRef; readonly trustee: PrincipalRef; readonly automapping: boolean }
  | { readonly kind: 'forwarding'; readonly mailbox: MailboxRef; readonly forward?: ForwardingTarget }
  | { readonly kind: 'sent-items'; readonly mailbox: MailboxRef; readonly enabled: boolean }
  | { readonly kind: 'auto-reply'; readonly mailbox: MailboxRef; readonly reply: AutoReplySetting }
  | { readonly kind: 'address-lists'; readonly mailbox: MailboxRef; readonly hidden: boolean }
  | { readonly kind: 'block-sign-in'; readonly mailbox: MailboxRef }
  | {
      readonly kind: 'create-mailbox';
      /** The mailbox to be: its id is `new:<address>` until Exchange creates it. */
      readonly mailbox: MailboxRef;
      readonly members: readonly PrincipalRef[];
    }
  | { readonly kind: 'convert-to-shared'; readonly mailbox: MailboxRef };

export const SETTING_KINDS: readonly SettingChange['kind'][] = [
  'automap', 'forwarding', 'sent-items', 'auto-reply', 'address-lists', 'block-sign-in', 'create-mailbox', 'convert-to-shared',
];

export function isSettingChange(change: { readonly kind: string }): change is SettingChange {
  return (SETTING_KINDS as readonly string[]).includes(change.kind);
}

/** The id a mailbox that does not exist yet is filed under. */
export const newMailboxId = (address: string): string => `new:${address.toLowerCase()}`;

/** Same kind on the same mailbox (and the same person, for automapping): asking again would file a duplicate. */
export function sameSetting(a: SettingChange, b: SettingChange): boolean {
  if (a.kind !== b.kind || a.mailbox.id !== b.mailbox.id) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
