import { createHash } from 'node:crypto';
import type { AccessReport } from './access-report';
import type { Trustee } from './directory';
import type { MailboxRef, PrincipalRef } from './change-request';
import type { RawGrant, Right } from './mailbox';
import { normaliseRights } from './rights-text';

/** A person who reaches the mailbox only through a reviewed group grant. */
export interface ReviewMember {
  readonly displayName: string;
  readonly address: string;
}

/** One direct trustee of the mailbox: what can be kept or removed as a whole. */
export interface ReviewEntry {
  readonly trustee: PrincipalRef;
  readonly rights: readonly Right[];
  /** For a group: its enabled transitive members, who lose access only with the group's grant. */
  readonly members: readonly ReviewMember[];
}

export type ReviewChoice = 'keep' | 'remove';

/** An access review as stored under `review:<id>`. */
export interface AccessReview {
  readonly id: string;
  readonly mailbox: MailboxRef;
  /** Who may submit it: the owners it was sent to, or the owner or admin who asked for it. */
  readonly reviewerIds: readonly string[];
  readonly startedBy: PrincipalRef;
  /** Started by the schedule (REVIEW_EVERY_DAYS) rather than asked for; only these have deadlines. */
  readonly scheduled: boolean;
  readonly startedAt: string;
  /** Scheduled reviews only: when a reminder goes out, and when the admins are told it is overdue. */
  readonly remindAt?: string;
  readonly dueAt?: string;
  readonly entries: readonly ReviewEntry[];
  readonly status: 'open' | 'submitted';
  readonly submittedBy?: PrincipalRef;
  readonly submittedAt?: string;
  /** Trustee ids the submission chose to remove. */
  readonly removeIds?: readonly string[];
}

const DAY_MS = 86_400_000;
/** A scheduled review is due after this many days, or after the schedule's period when that is shorter. */
export const REVIEW_DUE_DAYS = 7;

/**
 * Every direct trustee of the mailbox, sorted by name, each group with the people it brings in. Users come
 * from the raw grants, so a disabled account's leftover grant (which the access report leaves out) is
 * listed too; Deny entries and deleted trustees are not choices.
 */
export function reviewEntries(report: AccessReport, trustees: ReadonlyMap<string, Trustee>, grants: readonly RawGrant[]): readonly ReviewEntry[] {
  const byId = new Map<string, { trustee: PrincipalRef; rights: Right[]; members: Map<string, ReviewMember> }>();
  const entryOf = (trustee: PrincipalRef) => {
    const found = byId.get(trustee.id) ?? { trustee, rights: [], members: new Map<string, ReviewMember>() };
    byId.set(trustee.id, found);
    return found;
  };
  for (const grant of grants.filter((g) => !g.deny)) {
    const trustee = trustees.get(grant.trustee);
    if (trustee?.kind !== 'user') continue;
    const { user } = trustee;
    const name = user.accountEnabled ? user.displayName : `${user.displayName} (account disabled)`;
    entryOf({ kind: 'user', id: user.id, displayName: name, address: user.userPrincipalName }).rights.push(grant.right);
  }
  for (const grant of report.groupGrants) {
    const { group } = grant;
    const found = entryOf({ kind: 'group', id: group.id, displayName: group.displayName, address: group.mail ?? group.id });
    found.rights.push(grant.right);
    for (const entry of report.entries) {
      if (entry.path.kind !== 'group' || entry.path.via[0] !== group.displayName) continue;
      found.members.set(entry.person.id, { displayName: entry.person.displayName, address: entry.person.userPrincipalName });
    }
  }
  return [...byId.values()]
    .map(({ trustee, rights, members }) => ({
      trustee,
      rights: normaliseRights(rights),
      members: [...members.values()].sort((a, b) => a.displayName.localeCompare(b.displayName)),
    }))
    .sort((a, b) => a.trustee.displayName.localeCompare(b.trustee.displayName));
}

/**
 * The id of the request that removes one trustee in one review. Derived, never drawn: a second submit,
 * a resent click or another instance creates the same id, and the store accepts only the first.
 */
export function removalRequestId(reviewId: string, trusteeId: string): string {
  return `${reviewId}-${createHash('sha256').update(trusteeId.toLowerCase()).digest('hex').slice(0, 12)}`;
}

/** A scheduled review's reminder (half way) and due time: the shorter of a week and the schedule's period. */
export function reviewDeadlines(startedAt: Date, everyDays: number): { readonly remindAt: string; readonly dueAt: string } {
  const lengthMs = Math.min(REVIEW_DUE_DAYS, everyDays) * DAY_MS;
  return {
    remindAt: new Date(startedAt.getTime() + lengthMs / 2).toISOString(),
    dueAt: new Date(startedAt.getTime() + lengthMs).toISOString(),
  };
}

/** The entries a submission removes: only trustees of the stored review count, whatever else the card sent. */
export function chosenRemovals(review: AccessReview, choices: Readonly<Record<string, ReviewChoice>>): readonly ReviewEntry[] {
  return review.entries.filter((entry) => choices[entry.trustee.id.toLowerCase()] === 'remove');
}

export const reviewKey = (id: string): string => `review:${id}`;
