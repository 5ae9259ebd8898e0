import type { Actor } from '../actor';
import type { Deps } from '../deps';
import type { Outcome, Plan } from '../outcome';
import { approversOf } from '../roles';
import type { Change, ChangeRequest } from '../../domain/change-request';
import { AppError } from '../../domain/errors';
import { sameChange, statusNotice, viewerOf } from '../../domain/request-rules';
import { describeChange } from '../../domain/rights-text';
import { auditRequest } from './audit';
import { expireIfDue } from './expire';
import { principalOf } from './principal';

const DAY_MS = 86_400_000;
const MAX_REASON = 500;

export interface NewRequest {
  readonly change: Change;
  readonly plan: Plan;
  readonly reason: string | undefined;
  /** The request this one undoes. */
  readonly undoOf?: string;
}

/** Stores a pending request, audits it and asks the approvers; an identical pending one is answered instead. */
export async function fileRequest(deps: Deps, actor: Actor, { change, plan, reason, undoOf }: NewRequest): Promise<Outcome> {
  const duplicate = await pendingDuplicate(deps, change);
  if (duplicate) {
    return { kind: 'request-status', request: duplicate, viewer: viewerOf(duplicate, actor.id), notice: duplicateNotice(duplicate) };
  }
  const approverIds = (await approversOf(deps, change.mailbox)).filter((id) => id !== actor.id);
  if (approverIds.length === 0) {
    throw new AppError(
      'forbidden',
      `Nobody else can approve changes to ${change.mailbox.displayName}: ask an admin to add an owner.`,
    );
  }
  const requester = await principalOf(deps, actor);
  const now = deps.clock.now();
  const why = reason?.trim().slice(0, MAX_REASON);
  const request = await deps.store.createRequest({
    id: deps.newId(),
    change,
    requester,
    ...(why ? { reason: why } : {}),
    ...(undoOf ? { undoOf } : {}),
    approverIds,
    status: 'pending',
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + deps.policy.requestLifetimeDays * DAY_MS).toISOString(),
  });
  await auditRequest(deps, request, { actor: requester, action: 'requested', detail: describeChange(change), outcome: 'info' });
  return { kind: 'request-created', request, plan: await askApprovers(deps, request, plan) };
}

async function pendingDuplicate(deps: Deps, change: Change): Promise<ChangeRequest | undefined> {
  const pending = await deps.store.listRequests({ statuses: ['pending'], mailboxId: change.mailbox.id });
  for (const request of pending.filter((r) => sameChange(r.change, change))) {
    const current = await expireIfDue(deps, request);
    if (current.status === 'pending') return current;
  }
  return undefined;
}

function duplicateNotice(request: ChangeRequest): string {
  return `${request.requester.displayName} already asked for this on ${request.createdAt.slice(0, 10)}. ${statusNotice(request)}`;
}

/** The request stands even if the cards could not be sent; the plan then says so. */
async function askApprovers(deps: Deps, request: ChangeRequest, plan: Plan): Promise<Plan> {
  if (await approvalCardSent(deps, request)) return plan;
  const warning = "I couldn't deliver the approval card yet: approvers see it with the \"pending\" command.";
  return { ...plan, warnings: [...plan.warnings, warning] };
}

/** Sends the approval card; a failure is logged, not thrown: the request stands and approvers find it with "pending". */
export async function approvalCardSent(deps: Deps, request: ChangeRequest): Promise<boolean> {
  try {
    await deps.notifier.askForApproval(request);
    return true;
  } catch (error) {
    deps.log.error('could not send the approval card', { requestId: request.id, error });
    return false;
  }
}
