import type { Deps } from '../deps';
import type { Outcome, ReviewRemoval } from '../outcome';
import { removalRequestId, reviewKey, type AccessReview } from '../../domain/access-review';
import { AppError } from '../../domain/errors';

export async function loadReview(deps: Deps, reviewId: string): Promise<AccessReview> {
  const review = await deps.store.getDocument<AccessReview>(reviewKey(reviewId));
  if (!review) throw new AppError('not-found', 'That access review no longer exists. Send "review <mailbox>" to start a new one.');
  return review;
}

/**
 * The review with what became of each removal, read from the requests themselves: whatever several
 * submits or instances did, the store's requests are the truth.
 */
export async function reviewOutcome(deps: Deps, review: AccessReview, notice?: string): Promise<Outcome> {
  const requests = await Promise.all(review.entries.map((entry) => deps.store.getRequest(removalRequestId(review.id, entry.trustee.id))));
  const removals: ReviewRemoval[] = review.entries.flatMap((entry, index) => {
    const request = requests[index];
    if (request) return [{ trustee: entry.trustee, request }];
    return review.removeIds?.includes(entry.trustee.id) ? [{ trustee: entry.trustee }] : [];
  });
  return { kind: 'access-review', review, removals, ...(notice ? { notice } : {}) };
}
