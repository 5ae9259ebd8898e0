import type { Deps } from '../deps';
import { deleteExpiredExports } from '../export-retention';
import { runReviewSchedule } from '../review/schedule';
import { reportsIdle, resumeReports } from '../report/report';
import type { RequestExecutor } from './executor';
import { expirePending } from './expire';
import { remindEndingGrants } from './remind-ending';
import { revokeEndedGrants } from './revoke-ended';

export interface SweepOptions {
  /** This instance's id. */
  readonly owner: string;
  /** Time between sweeps; ended grants are removed within this (DESIGN §6: 60 s). */
  readonly intervalMs: number;
}

export interface RequestSweeps {
  /** One sweep now, settled with the executions it resumed: resume unfinished executions, and (when this instance holds the lease) expire, end, remind and delete expired exports. */
  sweep(): Promise<void>;
  stop(): Promise<void>;
}

const LEASE = 'request-sweeps';

/** Background upkeep of requests; with several instances, one holds the scheduler lease at a time. */
export function startRequestSweeps(deps: Deps, executor: RequestExecutor, options: SweepOptions): RequestSweeps {
  let running: Promise<void> = Promise.resolve();
  let resuming: Promise<unknown> = Promise.resolve();
  const sweep = async () => {
    // Resumed executions go on beside the rest: a backlog after a crash must not hold up ending grants.
    resuming = executor.resumePending().catch((error: unknown) => deps.log.error('resuming executions failed', { error }));
    await resumeReports(deps, options.owner);
    const leaseMs = options.intervalMs * 2;
    if (!(await deps.store.acquireLease(LEASE, options.owner, leaseMs, deps.clock.now()))) return;
    await expirePending(deps);
    await revokeEndedGrants(deps, { owner: options.owner, leaseMs });
    await remindEndingGrants(deps);
    await runReviewSchedule(deps);
    await deleteExpiredExports(deps);
  };
  const tick = () => {
    running = running.then(sweep).catch((error: unknown) => deps.log.error('request sweep failed', { error }));
  };
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  tick();
  return {
    sweep: async () => {
      tick();
      await running;
      await resuming;
      await executor.idle();
    },
    async stop() {
      clearInterval(timer);
      await running;
      await resuming;
      await executor.idle();
      await reportsIdle();
      await deps.store.releaseLease(LEASE, options.owner);
    },
  };
}
