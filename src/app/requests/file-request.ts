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
  const [duplicate, approvers, requester] = await Promise.all([pendingDuplicate(deps, change), approversOf(deps, change.mailbox), principalOf(deps, actor)]);
  if (duplicate) {
    return { kind: 'request-status', request: duplicate, viewer: viewerOf(duplicate, actor.id), notice: duplicateNotice(duplicate) };
  }
  const approverIds = approvers.filter((id) => id !== actor.id);
  if (approverIds.length === 0) {
    throw new AppError(
      'forbidden',
      `Nobody else can approve changes to ${change.mailbox.displayName}: ask an admin to add an owner.`,
    );
  }
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
  // The request row is what counts; its history entry and the approvers' cards follow without holding up the answer.
  auditRequest(deps, request, { actor: requester, action: 'requested', detail: describeChange(change), outcome: 'info' }).catch((error: unknown) =>
    deps.log.error('could not record a request in the history', { requestId: request.id, error }),
  );
  await sendApprovalCard(deps, request);
  return { kind: 'request-created', request, plan };
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

/** Starts sending the approval card; a failure is logged, not thrown: the request stands and approvers find it with "pending". */
export async function sendApprovalCard(deps: Deps, request: ChangeRequest): Promise<void> {
  try {
    await deps.notifier.askForApproval(request);
  } catch (error) {
    deps.log.error('could not send the approval card', { requestId: request.id, error });
  }
}
