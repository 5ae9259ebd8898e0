import { randomUUID } from 'node:crypto';
import type { Deps } from './deps';

/** Long enough for any check-then-write it guards; a claim whose holder died expires after it. */
const CLAIM_MS = 10 * 60_000;

/**
 * Runs `work` only while holding the named lease, released when done; false when another holder has it.
 * Guards a check-then-write (or read-change-write) of stored state against other instances.
 */
export async function underClaim(deps: Pick<Deps, 'store' | 'clock'>, name: string, work: () => Promise<void>, ttlMs = CLAIM_MS): Promise<boolean> {
  const owner = randomUUID();
  if (!(await deps.store.acquireLease(name, owner, ttlMs, deps.clock.now()))) return false;
  try {
    await work();
  } finally {
    await deps.store.releaseLease(name, owner);
  }
  return true;
}
