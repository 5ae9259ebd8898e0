import type { Actor } from '../actor';
import type { CommandOf } from '../../commands/command';
import type { Deps } from '../deps';
import type { Outcome } from '../outcome';
import { approversOf } from '../roles';
import type { BeforeState, ChangeRequest } from '../../domain/change-request';
import { AppError } from '../../domain/errors';
import { decisionRefusal, isClaimable, moveTo, statusNotice, viewerOf } from '../../domain/request-rules';
import { describeChange } from '../../domain/rights-text';
import { auditRequest } from './audit';
import { createExecutor, DEFAULT_EXECUTION, type RequestExecutor } from './executor';
import { expireIfDue } from './expire';
import { loadRequest, notifyChanged, writeIfUnchanged } from './load';
import { principalOf } from './principal';

const MAX_REASON = 500;
/** An approved request still unclaimed this long after its decision lost its instance (Teams resends clicks after ~15 s). */
const STALLED_AFTER_MS = 15_000;

/**
 * Approve or reject from a card. Card data is untrusted: the request is reloaded and the clicker
 * re-authorised. The decision is one conditional write; repeats and losers get the current status.
 */
export async function decide(deps: Deps, actor: Actor, command: CommandOf<'decide'>): Promise<Outcome> {
  const loaded = await loadRequest(deps, command.requestId);
  const [approvers, by] = await Promise.all([approversOf(deps, loaded.change.mailbox), principalOf(deps, actor)]);
  const refusal = decisionRefusal(loaded, actor.id, command.verdict, approvers);
  if (refusal) throw new AppError('forbidden', refusal);
  const request = await expireIfDue(deps, loaded);
  const retry = command.verdict === 'approve' && request.status === 'failed';
  if (request.status !== 'pending' && !retry) return alreadyDecided(deps, actor, request);

  const at = deps.clock.now().toISOString();
  const reason = command.reason?.trim().slice(0, MAX_REASON);
  const next =
    command.verdict === 'approve'
      ? moveTo(request, 'approved', { decision: { verdict: 'approved', by, at }, execution: { attempts: 0, ...keptBefore(request) } })
      : moveTo(request, 'rejected', { decision: { verdict: 'rejected', by, at, ...(reason ? { reason } : {}) } });
  const saved = await writeIfUnchanged(deps, next);
  if (!saved) return alreadyDecided(deps, actor, await loadRequest(deps, request.id));

  const action = retry ? 'approved-again' : command.verdict === 'approve' ? 'approved' : 'rejected';
  const because = saved.decision?.reason ? ` Reason: ${saved.decision.reason}` : '';
  const audited = auditRequest(deps, saved, { actor: by, action, detail: `${describeChange(saved.change)}.${because}` });
  if (saved.status === 'rejected') {
    await audited;
    await notifyChanged(deps, saved);
    return { kind: 'request-status', request: saved, viewer: viewerOf(saved, actor.id) };
  }
  // Exchange takes seconds a call, so the click is answered once the decision is stored, and every copy of the
  // card updates when the change is done. Appends to a mailbox's history take turns, so the approval still
  // comes before the execution's own entries.
  audited.catch((error: unknown) => deps.log.error('could not record an approval in the history', { requestId: saved.id, error }));
  startExecution(deps, saved.id);
  return { kind: 'request-status', request: saved, viewer: viewerOf(saved, actor.id) };
}

/** A retry after a failure may find some calls already done: the state before the first attempt still counts. */
function keptBefore(request: ChangeRequest): { before?: BeforeState } {
  const before = request.execution?.before;
  return before ? { before } : {};
}

/** A repeat click, or the loser of a race: nothing changes, the clicker sees where things stand. */
async function alreadyDecided(deps: Deps, actor: Actor, request: ChangeRequest): Promise<Outcome> {
  // An approved request nobody is running (its instance died) gets going again on any approver's click;
  // a fresh decision is being run by the instance that took it, so racing clicks leave it alone.
  if (isClaimable(request, deps.clock.now()) && !decidedRecently(deps, request)) {
    startExecution(deps, request.id);
  }
  return { kind: 'request-status', request, viewer: viewerOf(request, actor.id), notice: statusNotice(request) };
}

function decidedRecently(deps: Deps, request: ChangeRequest): boolean {
  const at = request.decision?.at;
  return request.status === 'approved' && at !== undefined && deps.clock.now().getTime() - Date.parse(at) < STALLED_AFTER_MS;
}

/** Runs an approved request in the background; its claim is conditional, so starting it twice runs it once. */
export function startExecution(deps: Deps, requestId: string): void {
  void executorOf(deps).run(requestId).catch((error: unknown) => {
    deps.log.error('request execution stopped', { requestId, error });
  });
}

function executorOf(deps: Deps): RequestExecutor {
  return deps.executor ?? createExecutor(deps, { owner: `decision-${deps.newId()}`, ...DEFAULT_EXECUTION });
}
