import type { Change, PrincipalRef } from './change-request';
import { ALL_RIGHTS, type Right } from './mailbox';
import { isSettingChange } from './setting-change';
import { describeSetting } from './setting-text';

const LABELS: Readonly<Record<Right, string>> = {
  'full-access': 'Full Access',
  'send-as': 'Send As',
  'send-on-behalf': 'Send on Behalf',
};

export function rightLabel(right: Right): string {
  return LABELS[right];
}

/** "A", "A and B", "A, B and C" (or "or" for negative sentences). */
export function listWords(words: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

export function rightsText(rights: readonly Right[], conjunction: 'and' | 'or' = 'and'): string {
  return listWords(rights.map(rightLabel), conjunction);
}

/** Rights without duplicates, in the canonical order (Full Access, Send As, Send on Behalf). */
export function normaliseRights(rights: readonly Right[]): readonly Right[] {
  return ALL_RIGHTS.filter((right) => rights.includes(right));
}

/** How people are named in running text: a user by first name, a group by its whole name. */
export function shortName(principal: PrincipalRef): string {
  if (principal.kind === 'group') return principal.displayName;
  return principal.displayName.trim().split(/\s+/)[0] || principal.displayName;
}

/** One line for the audit log and notices: "Full Access and Send As for Bob Smith (bob@…) on Info (info@…)". */
export function describeChange(change: Change): string {
  if (isSettingChange(change)) return describeSetting(change);
  const verb = change.kind === 'grant' ? 'grant' : 'remove';
  const until = change.kind === 'grant' && change.until ? ` until ${change.until.slice(0, 10)}` : '';
  const automap = change.kind === 'grant' && change.rights.includes('full-access') && change.trustee.kind === 'user'
    ? `, automapping ${change.automapping ? 'on' : 'off'}`
    : '';
  return `${verb} ${rightsText(change.rights)} for ${change.trustee.displayName} (${change.trustee.address}) ` +
    `on ${change.mailbox.displayName} (${change.mailbox.address})${until}${automap}`;
}
