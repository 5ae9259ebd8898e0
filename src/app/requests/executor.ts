import type { Deps } from '../deps';
import type { ChangeRequest, ExecutionResult, ExecutionState } from '../../domain/change-request';
import { AppError } from '../../domain/errors';
import { isClaimable, moveTo } from '../../domain/request-rules';
import { readBeforeState } from './before-state';
import { executeChange, type ExecutionLog } from './execute-change';
import { abandonedFollowUps, followUp, followUpClaim, resumeFollowUp } from './follow-up';
import { writeIfUnchanged } from './load';

export interface ExecutorOptions {
  /** This instance's id: who holds an execution lease. */
  readonly owner: string;
  /** How long a claim stays valid without renewal; longer than one attempt can take. */
  readonly leaseMs: number;
  readonly maxAttempts: number;
  /** Wait before each retry (the last one repeats). */
  readonly retryDelays: readonly number[];
}

/** Carries out approved requests exactly once, across retries, crashes and several instances. */
export interface RequestExecutor {
  /** Claims and executes the request if nobody else is; the final state, or undefined when not claimed. */
  run(requestId: string): Promise<ChangeRequest | undefined>;
  /** Picks up approved requests and executions whose lease ran out (at start, and on a timer). Returns how many. */
  resumePending(): Promise<number>;
  /** Settles when every run this executor started has finished. */
  idle(): Promise<void>;
}

export const DEFAULT_EXECUTION: Omit<ExecutorOptions, 'owner'> = {
  leaseMs: 5 * 60_000,
  maxAttempts: 4,
  retryDelays: [2_000, 10_000, 30_000],
};

export function createExecutor(deps: Deps, options: ExecutorOptions): RequestExecutor {
  // One run per request in this instance: a claim whose lease ran out while its Exchange calls were still
  // queued here (a burst of approvals) must not be claimed again by this instance's own sweep.
  const running = new Map<string, Promise<unknown>>();
  const once = (requestId: string, work: () => Promise<ChangeRequest | undefined>): Promise<ChangeRequest | undefined> => {
    if (running.has(requestId)) return Promise.resolve(undefined);
    const started = work();
    running.set(requestId, started);
    void started.finally(() => running.delete(requestId)).catch(() => undefined);
    return started;
  };
  const run = (requestId: string) => once(requestId, () => claimAndExecute(deps, options, requestId));
  return {
    run,
    async resumePending() {
      const now = deps.clock.now();
      const open = await deps.store.listRequests({ statuses: ['approved', 'executing'] });
      const results = await Promise.all(open.filter((r) => isClaimable(r, now)).map((r) => run(r.id)));
      const untold = await abandonedFollowUps(deps);
      await Promise.all(untold.map((r) => once(r.id, () => resumeFollowUp(deps, options, r))));
      return results.filter((r) => r !== undefined).length;
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running.values()]);
    },
  };
}

async function claimAndExecute(deps: Deps, options: ExecutorOptions, requestId: string): Promise<ChangeRequest | undefined> {
  const request = await deps.store.getRequest(requestId);
  if (!request || !isClaimable(request, deps.clock.now())) return undefined;
  const before = request.execution?.before ?? (await readBeforeState(deps, request.change));
  const claim = lease(deps, options, request, before ? { before } : {});
  let current = await writeIfUnchanged(deps, moveTo(request, 'executing', { execution: claim }));
  const progress = request.execution?.progress;
  const log: ExecutionLog = { steps: [...(progress?.steps ?? [])], warnings: [...(progress?.warnings ?? [])] };
  // Each call is recorded as it completes, renewing the claim: a takeover repeats at most the call cut short.
  const checkpoint = async (done: ExecutionLog): Promise<boolean> => {
    const held: ChangeRequest | undefined = current;
    if (!held) return false;
    const kept = { progress: { steps: [...done.steps], warnings: [...done.warnings] } };
    current = await writeIfUnchanged(deps, moveTo(held, 'executing', { execution: lease(deps, options, held, kept) }));
    return current !== undefined;
  };
  while (current) {
    try {
      if (!(await executeChange(deps, current.change, log, checkpoint))) return undefined;
      return await finish(deps, options, current, { ok: true, log, attempts: attemptsOf(current) + 1 });
    } catch (error) {
      const attempts = attemptsOf(current) + 1;
      const reason = describeError(deps, current, error);
      if (!isRetryable(error) || attempts >= options.maxAttempts) {
        return await finish(deps, options, current, { ok: false, log, attempts, error: reason });
      }
      const delay = options.retryDelays[attempts - 1] ?? options.retryDelays[options.retryDelays.length - 1] ?? 0;
      const nextAttemptAt = new Date(deps.clock.now().getTime() + delay).toISOString();
      // Renewing the lease is conditional too: losing it means another instance took over.
      current = await writeIfUnchanged(deps, moveTo(current, 'executing', {
        execution: lease(deps, options, current, { attempts, lastError: reason, nextAttemptAt }),
      }));
      if (current) await sleep(delay);
    }
  }
  return undefined;
}

/** The execution state with this instance's lease renewed from now. */
function lease(deps: Deps, options: ExecutorOptions, request: ChangeRequest, fields: Partial<ExecutionState>): ExecutionState {
  const { before, progress } = request.execution ?? {};
  return {
    attempts: attemptsOf(request),
    ...(before ? { before } : {}),
    ...(progress ? { progress } : {}),
    ...fields,
    leaseOwner: options.owner,
    leaseUntil: new Date(deps.clock.now().getTime() + options.leaseMs).toISOString(),
  };
}

function attemptsOf(request: ChangeRequest): number {
  return request.execution?.attempts ?? 0;
}

interface Ending {
  readonly ok: boolean;
  readonly log: ExecutionLog;
  readonly attempts: number;
  readonly error?: string;
}

/** One conditional write of the result, then one audit entry, then the cards and the requester (see follow-up.ts). */
async function finish(deps: Deps, options: ExecutorOptions, request: ChangeRequest, ending: Ending): Promise<ChangeRequest | undefined> {
  const result: ExecutionResult = {
    at: deps.clock.now().toISOString(),
    ok: ending.ok,
    steps: [...ending.log.steps],
    warnings: [...new Set(ending.log.warnings)],
    ...(ending.error ? { error: ending.error } : {}),
    ...(request.execution?.before ? { before: request.execution.before } : {}),
  };
  const execution = {
    attempts: ending.attempts,
    ...(ending.error ? { lastError: ending.error } : {}),
    ...(request.execution?.before ? { before: request.execution.before } : {}),
  };
  const followUpBy = followUpClaim(deps, options);
  const saved = await writeIfUnchanged(deps, moveTo(request, ending.ok ? 'done' : 'failed', { execution, result, followUp: followUpBy }));
  return saved && followUp(deps, saved);
}

function isRetryable(error: unknown): boolean {
  return error instanceof AppError && error.code === 'unavailable';
}

function describeError(deps: Deps, request: ChangeRequest, error: unknown): string {
  if (error instanceof AppError) return error.message;
  deps.log.error('request execution failed unexpectedly', { requestId: request.id, error });
  return 'Something unexpected went wrong while changing Exchange.';
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
