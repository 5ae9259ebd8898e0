import type { Deps } from '../deps';
import type { ChangeRequest } from '../../domain/change-request';
import { AppError } from '../../domain/errors';
import { inverseOf, isDueForRevocation, moveTo } from '../../domain/request-rules';
import { describeChange } from '../../domain/rights-text';
import { auditRequest } from './audit';
import { executeChange, type ExecutionLog } from './execute-change';
import { notifyChanged, writeIfUnchanged } from './load';

export interface RevocationOptions {
  readonly owner: string;
  readonly leaseMs: number;
}

/**
 * Removes time-bound grants whose end has come: claim (conditional), remove in Exchange, then mark
 * 'revoked' and audit. A failure releases the claim so the next sweep tries again. Returns how many ended.
 */
export async function revokeEndedGrants(deps: Deps, options: RevocationOptions): Promise<number> {
  const now = deps.clock.now();
  const due = (await deps.store.listRequests({ statuses: ['done'] })).filter((r) => isDueForRevocation(r, now));
  let revoked = 0;
  for (const request of due) {
    if (await revokeOne(deps, options, request)) revoked += 1;
  }
  return revoked;
}

async function revokeOne(deps: Deps, options: RevocationOptions, request: ChangeRequest): Promise<boolean> {
  const leaseUntil = new Date(deps.clock.now().getTime() + options.leaseMs).toISOString();
  const execution = { attempts: request.execution?.attempts ?? 0 };
  const claimed = await writeIfUnchanged(deps, { ...request, execution: { ...execution, leaseOwner: options.owner, leaseUntil } });
  if (!claimed) return false;
  const inverse = inverseOf(claimed.change);
  const log: ExecutionLog = { steps: [], warnings: [] };
  try {
    await executeChange(deps, inverse, log);
  } catch (error) {
    const reason = error instanceof AppError ? error.message : 'Something unexpected went wrong while changing Exchange.';
    if (!(error instanceof AppError)) deps.log.error('ending a time-bound grant failed', { requestId: request.id, error });
    await writeIfUnchanged(deps, { ...claimed, execution: { ...execution, lastError: reason } });
    return false;
  }
  const saved = await writeIfUnchanged(deps, moveTo(claimed, 'revoked', { execution }));
  if (!saved) return false;
  const ran = log.steps.length > 0 ? ` Ran: ${log.steps.join('; ')}.` : '';
  await auditRequest(deps, saved, {
    actor: saved.decision?.by ?? saved.requester,
    action: 'grant-ended',
    detail: `${describeChange(inverse)}: the time-bound grant ended.${ran}`,
  });
  await notifyChanged(deps, saved);
  return true;
}
