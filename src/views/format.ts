import type { Automapping, Path } from '../domain/access-report';
import type { Change, MailboxRef, PrincipalRef } from '../domain/change-request';
import type { Right } from '../domain/mailbox';
import { isSettingChange } from '../domain/setting-change';
import { settingChangeText } from './setting-facts';

const RIGHT_NAMES: Record<Right, string> = {
  'full-access': 'Full Access',
  'send-as': 'Send As',
  'send-on-behalf': 'Send on Behalf',
};

export const rightName = (right: Right): string => RIGHT_NAMES[right];

/** "Full Access, Send As"; "nothing" for an empty list. */
export const rightNames = (rights: readonly Right[]): string =>
  rights.length === 0 ? 'nothing' : rights.map(rightName).join(', ');

/** "directly" or "via Sales → Sales EMEA". */
export const pathText = (path: Path): string =>
  path.kind === 'direct' ? 'directly' : `via ${path.via.join(' → ')}`;

/** Automapping as shown in a report; groups never automap, so they get a dash. */
export const automappingText = (automapping: Automapping): string =>
  automapping === 'not-applicable' ? '—' : automapping;

/** How a card names a mailbox in action data: the resolver reads `mailbox:<address>` as an exact, already chosen mailbox. */
export const mailboxKey = (address: string): string => `mailbox:${address}`;

export const mailboxText = (mailbox: MailboxRef): string => `${mailbox.displayName} (${mailbox.address})`;

export const principalText = (principal: PrincipalRef): string =>
  principal.kind === 'group' ? `${principal.displayName} (group)` : principal.displayName;

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });

/** "25 Nov 2026"; the input is echoed if it is not a date. */
export function dayText(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DAY.format(date);
}

/** "25 Nov 2026, 14:12 UTC". */
export function instantText(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${DAY.format(date)}, ${TIME.format(date)} UTC`;
}

/** One line saying what a change does: "Give Bob Jones Full Access, Send As on Info". */
export function changeText(change: Change): string {
  if (isSettingChange(change)) return settingChangeText(change);
  switch (change.kind) {
    case 'grant':
      return `Give ${principalText(change.trustee)} ${rightNames(change.rights)} on ${change.mailbox.displayName}`;
    case 'revoke':
      return `Remove ${rightNames(change.rights)} from ${principalText(change.trustee)} on ${change.mailbox.displayName}`;
  }
}

/** Automapping of a grant request; groups never automap. */
export function grantAutomappingText(change: Extract<Change, { kind: 'grant' }>): string {
  if (change.trustee.kind === 'group') return '— (groups never automap)';
  return change.automapping ? 'on' : 'off';
}

/**
 * Keeps rows while they fit in `budget` bytes of JSON (and at most `limit` rows) and says how many
 * were left out: a card and its text fallback travel together and must stay under Teams' 28 KB.
 */
export function capped<T>(rows: readonly T[], limit: number, budget = 8_000): { readonly shown: readonly T[]; readonly more: string } {
  let used = 0;
  let count = 0;
  for (const row of rows.slice(0, limit)) {
    used += JSON.stringify(row).length;
    if (used > budget) break;
    count += 1;
  }
  const hidden = rows.length - count;
  return { shown: rows.slice(0, count), more: hidden > 0 ? `and ${hidden} more` : '' };
}

export const truncated = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

export const bullets = (lines: readonly string[]): string => lines.map((line) => `- ${line}`).join('\n');
