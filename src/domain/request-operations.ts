import type { Change } from './change-request';
import type { Right } from './mailbox';
import { normaliseRights } from './rights-text';

/** One Exchange call, in the shape of the Exchange port's operations. */
export type MailboxOperation =
  | { readonly kind: 'add-full-access'; readonly mailbox: string; readonly trustee: string; readonly autoMapping: boolean }
  | { readonly kind: 'remove-full-access'; readonly mailbox: string; readonly trustee: string }
  | { readonly kind: 'add-send-as'; readonly mailbox: string; readonly trustee: string }
  | { readonly kind: 'remove-send-as'; readonly mailbox: string; readonly trustee: string }
  | { readonly kind: 'add-send-on-behalf'; readonly mailbox: string; readonly trustee: string }
  | { readonly kind: 'remove-send-on-behalf'; readonly mailbox: string; readonly trustee: string }
  | SettingOperation;

/** Set-Mailbox / New-Mailbox calls that change a mailbox's settings rather than its permissions. */
export type SettingOperation =
  | {
      readonly kind: 'set-forwarding';
      readonly mailbox: string;
      readonly smtpAddress: string | null;
      readonly recipient: string | null;
      readonly keepCopy: boolean;
    }
  | { readonly kind: 'set-sent-items-copy'; readonly mailbox: string; readonly enabled: boolean }
  | { readonly kind: 'set-hidden'; readonly mailbox: string; readonly hidden: boolean }
  | { readonly kind: 'convert-to-shared'; readonly mailbox: string }
  | { readonly kind: 'new-shared-mailbox'; readonly mailbox: string; readonly name: string; readonly displayName: string };

const ADD = { 'full-access': 'add-full-access', 'send-as': 'add-send-as', 'send-on-behalf': 'add-send-on-behalf' } as const;
const REMOVE = {
  'full-access': 'remove-full-access',
  'send-as': 'remove-send-as',
  'send-on-behalf': 'remove-send-on-behalf',
} as const;

/** The Exchange calls that carry out a change, in order; only the rights the change names. */
export function operationsFor(change: Change): readonly MailboxOperation[] {
  if (change.kind !== 'grant' && change.kind !== 'revoke') return [];
  const target = { mailbox: change.mailbox.address, trustee: change.trustee.address };
  return normaliseRights(change.rights).map((right: Right): MailboxOperation => {
    if (change.kind === 'revoke') return { kind: REMOVE[right], ...target };
    if (right === 'full-access') {
      // Exchange ignores automapping for groups; sending false keeps the audit line truthful.
      return { kind: ADD[right], ...target, autoMapping: change.automapping && change.trustee.kind === 'user' };
    }
    return { kind: ADD[right], ...target };
  });
}
