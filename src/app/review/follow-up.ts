import type { Deps } from '../deps';
import { reviewKey, type AccessReview } from '../../domain/access-review';
import { underClaim } from '../under-claim';
import { send } from './deliver';

/** When an open scheduled review was reminded and reported, under `review-follow-up:<id>`; written only here. */
export interface ReviewFollowUp {
  readonly remindedAt?: string;
  readonly reportedAt?: string;
}

export const followUpKey = (reviewId: string): string => `review-follow-up:${reviewId}`;

/**
 * One reminder to the reviewers once half the time is gone, then one message to the admins once it is
 * overdue. Each is recorded before it is sent (at most once: a crash in between loses that message
 * rather than repeating it); a clock that jumps past both sends both, in order, once.
 */
export async function followUp(deps: Deps, review: AccessReview, admins: () => Promise<readonly string[]>): Promise<void> {
  if (!review.scheduled || review.status !== 'open' || review.remindAt === undefined || review.dueAt === undefined) return;
  const { remindAt, dueAt } = review;
  const now = deps.clock.now().getTime();
  if (now < Date.parse(remindAt)) return;
  await underClaim(deps, followUpKey(review.id), async () => {
    // The review may have been submitted since it was read; the follow-up record is re-read under the claim.
    const current = (await deps.store.getDocument<AccessReview>(reviewKey(review.id))) ?? review;
    if (current.status !== 'open') return;
    let state = (await deps.store.getDocument<ReviewFollowUp>(followUpKey(review.id))) ?? {};
    const at = new Date(now).toISOString();
    if (state.remindedAt === undefined) {
      state = { ...state, remindedAt: at };
      await deps.store.putDocument(followUpKey(review.id), state);
      await send(deps, current, () => deps.notifier.reviewAssigned(current, current.reviewerIds, true));
    }
    if (now >= Date.parse(dueAt) && state.reportedAt === undefined) {
      state = { ...state, reportedAt: at };
      await deps.store.putDocument(followUpKey(review.id), state);
      const adminIds = await admins();
      await send(deps, current, () => deps.notifier.reviewOverdue(current, adminIds));
    }
  });
}
