import type { Deps } from '../deps';
import { adminIds, approversOf } from '../roles';
import { recordAudit } from '../requests/audit';
import { sendApprovalCard } from '../requests/file-request';
import { startExecution } from '../requests/decide';
import { isConflict } from '../requests/load';
import { removalRequestId, type AccessReview, type ReviewEntry } from '../../domain/access-review';
import type { Change, ChangeRequest, PrincipalRef } from '../../domain/change-request';
import { describeChange } from '../../domain/rights-text';

const DAY_MS = 86_400_000;

/**
 * Files the removal of one reviewed trustee under an id derived from (review, trustee), so the store's
 * conditional insert lets exactly one submit create it. Approved by the reviewer and run by the usual
 * executor, or, when it takes away the reviewer's own access, left pending for another approver.
 * Undefined when nobody else could approve the reviewer's own removal.
 */
export async function fileRemoval(
  deps: Deps,
  review: AccessReview,
  entry: ReviewEntry,
  reviewer: PrincipalRef,
  ownAccess: boolean,
): Promise<ChangeRequest | undefined> {
  const id = removalRequestId(review.id, entry.trustee.id);
  const request = (await deps.store.getRequest(id)) ?? (await create(deps, review, entry, reviewer, ownAccess, id));
  if (!request) return undefined;
  await auditFiled(deps, request);
  // A second submit or the sweep starting it too still runs it once.
  if (request.status === 'approved' || request.status === 'executing') startExecution(deps, request.id);
  return request;
}

async function create(
  deps: Deps,
  review: AccessReview,
  entry: ReviewEntry,
  reviewer: PrincipalRef,
  ownAccess: boolean,
  id: string,
): Promise<ChangeRequest | undefined> {
  const change: Change = { kind: 'revoke', mailbox: review.mailbox, trustee: entry.trustee, rights: entry.rights };
  const others = (await approversOf(deps, review.mailbox)).filter((approver) => approver !== reviewer.id);
  const approverIds = ownAccess && others.length === 0 ? (await adminIds(deps)).filter((admin) => admin !== reviewer.id) : others;
  if (ownAccess && approverIds.length === 0) return undefined;
  const now = deps.clock.now();
  const at = now.toISOString();
  const decided = ownAccess ? {} : { decision: { verdict: 'approved' as const, by: reviewer, at }, execution: { attempts: 0 } };
  try {
    const created = await deps.store.createRequest({
      id,
      change,
      requester: reviewer,
      reason: `Access review ${review.id}`,
      approverIds,
      status: ownAccess ? 'pending' : 'approved',
      createdAt: at,
      expiresAt: new Date(now.getTime() + deps.policy.requestLifetimeDays * DAY_MS).toISOString(),
      ...decided,
    });
    if (created.status === 'pending') await sendApprovalCard(deps, created);
    return created;
  } catch (error) {
    if (isConflict(error)) return deps.store.getRequest(id);
    throw error;
  }
}

async function auditFiled(deps: Deps, request: ChangeRequest): Promise<void> {
  const { mailbox } = request.change;
  const what = describeChange(request.change);
  await recordAudit(deps, mailbox, { id: `${request.id}-requested`, actor: request.requester, action: 'requested', detail: `${what}. ${request.reason ?? ''}`.trim(), outcome: 'info' }, request);
  if (!request.decision) return;
  await recordAudit(deps, mailbox, { id: `${request.id}-approved`, actor: request.decision.by, action: 'approved', detail: `${what}. Decided in the access review.` }, request);
}
