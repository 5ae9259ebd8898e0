import type { Actor } from '../actor';
import type { CommandOf } from '../../commands/command';
import type { Deps } from '../deps';
import type { Outcome } from '../outcome';
import { principalOf, mailboxRef } from '../requests/principal';
import { recordAudit } from '../requests/audit';
import { accessFactsOf, readMailboxAccess } from '../who-can-access';
import { reviewEntries, reviewKey, type AccessReview } from '../../domain/access-review';
import type { PrincipalRef } from '../../domain/change-request';
import { AppError } from '../../domain/errors';
import type { MailboxAccess } from '../../domain/mailbox';
import { mayReview } from './reviewers';

/** Who the audit log names for a review nobody typed. */
export const SCHEDULE_ACTOR: PrincipalRef = { kind: 'user', id: 'review-schedule', displayName: 'Review schedule', address: 'review-schedule' };

/** "review <mailbox>": the owner or admin who asks gets the review card and is its only reviewer. */
export async function startReview(deps: Deps, actor: Actor, command: CommandOf<'review'>): Promise<Outcome> {
  const access = await readMailboxAccess(deps, command.mailbox);
  const mailbox = mailboxRef(access.mailbox);
  if (!(await mayReview(deps, actor.id, mailbox))) {
    throw new AppError('forbidden', `Only the owners of ${mailbox.displayName} and the admins can review who has access to it.`);
  }
  const review = await openReview(deps, access, { reviewerIds: [actor.id], startedBy: await principalOf(deps, actor), scheduled: false });
  return { kind: 'access-review', review, removals: [] };
}

export interface ReviewStart {
  readonly reviewerIds: readonly string[];
  readonly startedBy: PrincipalRef;
  readonly scheduled: boolean;
  readonly remindAt?: string;
  readonly dueAt?: string;
}

/** Lists everyone with access as the access report sees it, and stores the review before anyone sees it. */
export async function openReview(deps: Deps, access: MailboxAccess, start: ReviewStart): Promise<AccessReview> {
  const { report, trustees } = await accessFactsOf(deps, access);
  const review: AccessReview = {
    ...start,
    id: deps.newId(),
    mailbox: mailboxRef(access.mailbox),
    startedAt: deps.clock.now().toISOString(),
    entries: reviewEntries(report, trustees, access.grants),
    status: 'open',
  };
  await deps.store.putDocument(reviewKey(review.id), review);
  const people = review.entries.length === 1 ? '1 person or group' : `${review.entries.length} people and groups`;
  await recordAudit(deps, review.mailbox, {
    actor: review.startedBy,
    action: 'review-started',
    detail: `Access review ${review.id} of ${review.mailbox.displayName}: ${people} with direct access to keep or remove.`,
    outcome: 'info',
  });
  return review;
}
