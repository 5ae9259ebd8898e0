import type { Deps } from '../deps';
import type { AccessReview } from '../../domain/access-review';

/** Cards are sent after the state that says they were is stored: a failed send is logged, never repeated. */
export async function send(deps: Deps, review: AccessReview, delivery: () => Promise<void>): Promise<void> {
  try {
    await delivery();
  } catch (error) {
    deps.log.error('could not deliver an access review message', { reviewId: review.id, error });
  }
}
