import { randomUUID } from 'node:crypto';
import type { Deps } from '../deps';
import type { AccessReview } from '../../domain/access-review';

/** Guards a check-then-write against another instance; released when done, expires if its holder dies. */
const CLAIM_MS = 10 * 60_000;

/** Runs `work` only while holding the named claim; false when another instance holds it. */
export async function underClaim(deps: Deps, name: string, work: () => Promise<void>): Promise<boolean> {
  const owner = randomUUID();
  if (!(await deps.store.acquireLease(name, owner, CLAIM_MS, deps.clock.now()))) return false;
  try {
    await work();
  } finally {
    await deps.store.releaseLease(name, owner);
  }
  return true;
}

/** Cards are sent after the state that says they were is stored: a failed send is logged, never repeated. */
export async function send(deps: Deps, review: AccessReview, delivery: () => Promise<void>): Promise<void> {
  try {
    await delivery();
  } catch (error) {
    deps.log.error('could not deliver an access review message', { reviewId: review.id, error });
  }
}
