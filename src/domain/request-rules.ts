import type { Change, ChangeRequest, RequestStatus } from './change-request';
import { normaliseRights } from './rights-text';
import { isSettingChange, sameSetting } from './setting-change';

const MOVES: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  pending: ['approved', 'rejected', 'cancelled', 'expired'],
  approved: ['executing'],
  // executing → executing: another instance takes over an abandoned execution once its lease ran out.
  executing: ['executing', 'done', 'failed'],
  failed: ['approved'],
  done: ['revoked'],
  rejected: [],
  cancelled: [],
  expired: [],
  revoked: [],
};

export function canMove(from: RequestStatus, to: RequestStatus): boolean {
  return MOVES[from].includes(to);
}

/** The request in its next status; an impossible move is a bug, not a user error. */
export function moveTo(request: ChangeRequest, to: RequestStatus, fields: Partial<ChangeRequest> = {}): ChangeRequest {
  if (!canMove(request.status, to)) throw new Error(`A ${request.status} request cannot become ${to}`);
  return { ...request, ...fields, status: to };
}

/** A pending request past its end of life, which nobody may decide any more. */
export function isOverdue(request: ChangeRequest, now: Date): boolean {
  return request.status === 'pending' && now.getTime() > Date.parse(request.expiresAt);
}

/** An approved request nobody is executing, or one whose executor stopped renewing its lease. */
export function isClaimable(request: ChangeRequest, now: Date): boolean {
  if (request.status === 'approved') return true;
  if (request.status !== 'executing') return false;
  const until = request.execution?.leaseUntil;
  return until === undefined || Date.parse(until) <= now.getTime();
}

/** A carried-out time-bound grant whose end has come, and which no instance is removing right now. */
export function isDueForRevocation(request: ChangeRequest, now: Date): boolean {
  const change = request.change;
  if (request.status !== 'done' || change.kind !== 'grant' || change.until === undefined) return false;
  if (Date.parse(change.until) > now.getTime()) return false;
  const lease = request.execution?.leaseUntil;
  return lease === undefined || Date.parse(lease) <= now.getTime();
}

/** The change that undoes a grant: the same rights removed. */
export function inverseOf(change: Change): Change {
  if (change.kind !== 'grant') throw new Error('Only a grant has an inverse here');
  return { kind: 'revoke', mailbox: change.mailbox, trustee: change.trustee, rights: change.rights };
}

export type DecisionVerb = 'approve' | 'reject';

/** Why this person may not decide the request, in words for them; undefined when they may. */
export function decisionRefusal(
  request: ChangeRequest,
  actorId: string,
  verb: DecisionVerb,
  currentApprovers: readonly string[],
): string | undefined {
  if (request.requester.id === actorId) {
    return verb === 'approve'
      ? "You can't approve your own request."
      : "You can't reject your own request: cancel it instead.";
  }
  if (!request.approverIds.includes(actorId) || !currentApprovers.includes(actorId)) {
    return `Only the owners of ${request.change.mailbox.displayName} (or the admins) can decide this.`;
  }
  return undefined;
}

export type RequestViewer = 'approver' | 'requester' | 'other';

/** Approvers get buttons while there is something to decide; the requester gets cancel; others a status. */
export function viewerOf(request: ChangeRequest, actorId: string): RequestViewer {
  const decidable = request.status === 'pending' || request.status === 'failed';
  if (decidable && request.approverIds.includes(actorId) && request.requester.id !== actorId) return 'approver';
  if (request.requester.id === actorId) return 'requester';
  return 'other';
}

/** Same mailbox, trustee, kind and rights: asking again would file a duplicate. */
export function sameChange(a: Change, b: Change): boolean {
  if (isSettingChange(a) || isSettingChange(b)) return isSettingChange(a) && isSettingChange(b) && sameSetting(a, b);
  const rightsA = normaliseRights(a.rights);
  const rightsB = normaliseRights(b.rights);
  return (
    a.kind === b.kind &&
    a.mailbox.id === b.mailbox.id &&
    a.trustee.id === b.trustee.id &&
    rightsA.length === rightsB.length &&
    rightsA.every((r, i) => rightsB[i] === r)
  );
}

/** One sentence on where a request stands, for someone whose click changed nothing. */
export function statusNotice(request: ChangeRequest): string {
  const by = request.decision?.by.displayName ?? 'someone';
  switch (request.status) {
    case 'pending':
      return `Waiting for approval since ${request.createdAt.slice(0, 10)}.`;
    case 'approved':
    case 'executing':
    case 'done':
    case 'revoked':
      return `Already approved by ${by}.`;
    case 'failed':
      return `Approved by ${by}, but the change failed: an approver can approve it again to retry.`;
    case 'rejected':
      return `Already rejected by ${by}.`;
    case 'cancelled':
      return `Cancelled by ${by}.`;
    case 'expired':
      return `This request expired on ${request.expiresAt.slice(0, 10)} before anyone decided.`;
  }
}
