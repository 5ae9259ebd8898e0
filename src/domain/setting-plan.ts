import type { PrincipalRef } from './change-request';
import type { Mailbox } from './mailbox';
import type { SettingChange } from './setting-change';
import { replySchedule } from './setting-text';

export const SHARED_LIMIT_BYTES = 50 * 1024 ** 3;

export interface SettingPlan {
  readonly effects: readonly string[];
  readonly warnings: readonly string[];
}

/** What the mailbox looks like now, where the plan needs it. */
export interface SettingContext {
  readonly mailbox?: Mailbox;
  readonly sizeBytes?: number;
}

const firstName = (p: PrincipalRef): string => p.displayName.trim().split(/\s+/)[0] || p.displayName;
const gb = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

const SIGN_IN_WHY =
  "A shared mailbox's own account should not sign in: its password would be a shared secret that gets around " +
  'who has access, multi-factor sign-in and the audit of who did what.';

/** The plan preview of a settings change: what people will notice, and the pitfalls. */
export function settingPlan(change: SettingChange, context: SettingContext = {}): SettingPlan {
  const name = change.mailbox.displayName;
  const address = change.mailbox.address;
  switch (change.kind) {
    case 'automap': {
      const who = firstName(change.trustee);
      return {
        effects: change.automapping
          ? [`${who} keeps access; ${name} joins ${who}'s Outlook folder list within 60 minutes.`]
          : [`${who} keeps access; ${name} leaves ${who}'s Outlook folder list within 60 minutes; ${who} can still add it by hand.`],
        warnings: [],
      };
    }
    case 'forwarding': {
      const target = change.forward;
      if (!target) return { effects: [`Mail to ${address} stays in ${name} and is no longer forwarded.`], warnings: [] };
      const copy = target.keepCopy ? `; ${name} keeps a copy` : `; ${name} keeps no copy`;
      return {
        effects: [`Mail to ${address} is forwarded to ${target.address}${copy}.`],
        warnings: target.external
          ? [`${target.address} is outside the organisation: forwarding to it is blocked by the default outbound spam policy (5.7.520) unless an admin allows it.`]
          : [],
      };
    }
    case 'sent-items':
      return {
        effects: change.enabled
          ? [`Messages sent as ${address} (or on its behalf) are also saved in ${address}'s Sent Items.`]
          : [`Messages sent as ${address} are saved only in the sender's own Sent Items.`],
        warnings: [],
      };
    case 'auto-reply':
      if (change.reply.status === 'disabled') return { effects: [`${name} stops sending automatic replies.`], warnings: [] };
      return {
        effects: [
          `Everyone who writes to ${address}, inside or outside the organisation, gets: "${change.reply.message}"`,
          `From approval ${replySchedule(change)}.`,
        ],
        warnings: [],
      };
    case 'address-lists':
      return change.hidden
        ? {
            effects: [`${name} disappears from the address book; mail to ${address} still arrives.`],
            warnings: ['Hidden mailboxes can break access for delegates: Outlook may not show the mailbox or let them send as it.'],
          }
        : { effects: [`${name} appears in the address book again.`], warnings: [] };
    case 'block-sign-in':
      return { effects: [`Nobody can sign in as ${address}; people with access keep opening it from their own account.`, SIGN_IN_WHY], warnings: [] };
    case 'create-mailbox': {
      const members = change.members.map((m) => m.displayName).join(', ');
      return {
        effects: [
          `${address} is free; the shared mailbox ${name} is created with it.`,
          members ? `${members} get Full Access and Send As; it appears in their Outlook within 60 minutes.` : 'Nobody has access yet: add people afterwards.',
          `Sign-in for ${address}'s own account is blocked.`,
        ],
        warnings: [],
      };
    }
    case 'convert-to-shared': {
      const size = context.sizeBytes;
      const effects = [
        `${name} becomes a shared mailbox: the people with access keep it, and it needs no licence while it stays under 50 GB.`,
        `Remove its licence only after the conversion; without a licence a shared mailbox is limited to 50 GB${size === undefined ? '' : ` (it holds ${gb(size)} now)`}.`,
      ];
      const warnings = size !== undefined && size >= SHARED_LIMIT_BYTES * 0.98
        ? [`${name} holds ${gb(size)}: keep its licence, or it stops receiving mail at 50 GB.`]
        : [];
      return { effects, warnings: [...warnings, 'Block sign-in afterwards: a shared mailbox\'s own account should not sign in.'] };
    }
  }
}
