import type { Deps } from '../deps';
import type { ChangeRequest, ExecutionResult, ExecutionState } from '../../domain/change-request';
import { AppError } from '../../domain/errors';
import { isClaimable, moveTo } from '../../domain/request-rules';
import { describeChange } from '../../domain/rights-text';
import { auditRequest } from './audit';
import { readBeforeState } from './before-state';
import { executeChange, type ExecutionLog } from './execute-change';
import { notifyChanged, writeIfUnchanged } from './load';

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
  const running = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    running.add(work);
    void work.finally(() => running.delete(work)).catch(() => undefined);
    return work;
  };
  const run = (requestId: string) => track(claimAndExecute(deps, options, requestId));
  return {
    run,
    async resumePending() {
      const now = deps.clock.now();
      const open = await deps.store.listRequests({ statuses: ['approved', 'executing'] });
      const results = await Promise.all(open.filter((r) => isClaimable(r, now)).map((r) => run(r.id)));
      return results.filter((r) => r !== undefined).length;
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}

async function claimAndExecute(deps: Deps, options: ExecutorOptions, requestId: string): Promise<ChangeRequest | undefined> {
  const request = await deps.store.getRequest(requestId);
  if (!request || !isClaimable(request, deps.clock.now())) return undefined;
  const before = request.execution?.before ?? (await readBeforeState(deps, request.change));
  const claim = lease(deps, options, request, before ? { before } : {});
  let current = await writeIfUnchanged(deps, moveTo(request, 'executing', { execution: claim }));
  const log: ExecutionLog = { steps: [], warnings: [] };
  while (current) {
    try {
      await executeChange(deps, current.change, log);
      return await finish(deps, current, { ok: true, log, attempts: attemptsOf(current) + 1 });
    } catch (error) {
      const attempts = attemptsOf(current) + 1;
      const reason = describeError(deps, current, error);
      if (!isRetryable(error) || attempts >= options.maxAttempts) {
        return await finish(deps, current, { ok: false, log, attempts, error: reason });
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
  const before = request.execution?.before;
  return {
    attempts: attemptsOf(request),
    ...(before ? { before } : {}),
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

/** One conditional write of the result, then one audit entry, then the cards and the requester. */
async function finish(deps: Deps, request: ChangeRequest, ending: Ending): Promise<ChangeRequest | undefined> {
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
  const saved = await writeIfUnchanged(deps, moveTo(request, ending.ok ? 'done' : 'failed', { execution, result }));
  if (!saved) return undefined;
  const ran = result.steps.length > 0 ? ` Ran: ${result.steps.join('; ')}.` : ' Nothing ran.';
  await auditRequest(deps, saved, {
    actor: saved.decision?.by ?? saved.requester,
    action: ending.ok ? 'executed' : 'failed',
    detail: `${describeChange(saved.change)}.${ran}${ending.error ? ` Error: ${ending.error}` : ''}`,
    outcome: ending.ok ? 'ok' : 'failed',
  });
  await notifyChanged(deps, saved);
  return saved;
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
