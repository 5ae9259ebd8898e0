import type { Deps } from '../deps';
import type { ChangeRequest } from '../../domain/change-request';
import { isOverdue, moveTo } from '../../domain/request-rules';
import { auditRequest } from './audit';
import { loadRequest, notifyChanged, writeIfUnchanged } from './load';

/** Marks an overdue pending request expired (once, conditionally) and returns its current state. */
export async function expireIfDue(deps: Deps, request: ChangeRequest): Promise<ChangeRequest> {
  if (!isOverdue(request, deps.clock.now())) return request;
  const expired = await writeIfUnchanged(deps, moveTo(request, 'expired'));
  if (!expired) return loadRequest(deps, request.id);
  await auditRequest(deps, expired, {
    actor: expired.requester,
    action: 'expired',
    detail: `No decision before ${expired.expiresAt}.`,
    outcome: 'info',
  });
  await notifyChanged(deps, expired);
  return expired;
}

/** The expiry sweep: every pending request past its end of life becomes 'expired'. Returns how many. */
export async function expirePending(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const overdue = (await deps.store.listRequests({ statuses: ['pending'] })).filter((r) => isOverdue(r, now));
  let count = 0;
  for (const request of overdue) {
    if ((await expireIfDue(deps, request)).status === 'expired') count += 1;
  }
  return count;
}
