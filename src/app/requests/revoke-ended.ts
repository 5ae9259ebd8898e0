import type { Deps } from '../deps';
import type { Change, ChangeRequest } from '../../domain/change-request';
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
 * Removes time-bound grants whose end has come: claim (conditional), remove in Exchange and read it
 * back, then mark 'revoked', audit and tell the trustee and the approver. A failure releases the claim
 * so the next sweep tries again. Returns how many ended.
 */
export async function revokeEndedGrants(deps: Deps, options: RevocationOptions): Promise<number> {
  const now = deps.clock.now();
  const done = await deps.store.listRequests({ statuses: ['done'] });
  let revoked = 0;
  for (const request of done.filter((r) => isDueForRevocation(r, now))) {
    if (await revokeOne(deps, options, request, done)) revoked += 1;
  }
  return revoked;
}

async function revokeOne(deps: Deps, options: RevocationOptions, request: ChangeRequest, done: readonly ChangeRequest[]): Promise<boolean> {
  const leaseUntil = new Date(deps.clock.now().getTime() + options.leaseMs).toISOString();
  const execution = { attempts: request.execution?.attempts ?? 0 };
  const claimed = await writeIfUnchanged(deps, { ...request, execution: { ...execution, leaseOwner: options.owner, leaseUntil } });
  if (!claimed) return false;
  const { removal, keptBy } = removalAfter(claimed, done, deps.clock.now());
  const log: ExecutionLog = { steps: [], warnings: [] };
  try {
    if (removal.rights.length > 0) await executeChange(deps, removal, log);
  } catch (error) {
    const reason = error instanceof AppError ? error.message : 'Something unexpected went wrong while changing Exchange.';
    if (!(error instanceof AppError)) deps.log.error('ending a time-bound grant failed', { requestId: request.id, error });
    await writeIfUnchanged(deps, { ...claimed, execution: { ...execution, lastError: reason } });
    return false;
  }
  const saved = await writeIfUnchanged(deps, moveTo(claimed, 'revoked', { execution }));
  if (!saved) return false;
  await auditRequest(deps, saved, {
    actor: saved.decision?.by ?? saved.requester,
    action: 'grant-ended',
    detail: endedDetail(removal, log, keptBy),
  });
  await notifyChanged(deps, saved);
  // An extension that took over carries the access on: nobody lost anything to be told about.
  if (removal.rights.length === 0) return true;
  try {
    await deps.notifier.grantEnded(saved);
  } catch (error) {
    deps.log.error('could not tell people that a grant ended', { requestId: saved.id, error });
  }
  return true;
}

/**
 * The rights to remove: those of the ended grant that no later grant of the same access (an extension,
 * or a lasting grant) still covers. Removing those would take away access that was approved since.
 */
function removalAfter(ended: ChangeRequest, done: readonly ChangeRequest[], now: Date): { removal: Extract<Change, { kind: 'revoke' }>; keptBy: readonly string[] } {
  const inverse = inverseOf(ended.change) as Extract<Change, { kind: 'revoke' }>;
  const later = done.filter((other) => {
    const change = other.change;
    return (
      other.id !== ended.id &&
      change.kind === 'grant' &&
      change.mailbox.id === inverse.mailbox.id &&
      change.trustee.id === inverse.trustee.id &&
      Date.parse(other.createdAt) > Date.parse(ended.createdAt) &&
      (change.until === undefined || Date.parse(change.until) > now.getTime())
    );
  });
  const covered = new Set(later.flatMap((other) => (other.change.kind === 'grant' ? other.change.rights : [])));
  const rights = inverse.rights.filter((right) => !covered.has(right));
  const keptBy = later.filter((other) => other.change.kind === 'grant' && other.change.rights.some((r) => inverse.rights.includes(r))).map((r) => r.id);
  return { removal: { ...inverse, rights }, keptBy };
}

function endedDetail(removal: Extract<Change, { kind: 'revoke' }>, log: ExecutionLog, keptBy: readonly string[]): string {
  const parts = [`The time-bound grant ended.`];
  if (removal.rights.length > 0) parts.push(`${describeChange(removal)}.`);
  if (log.steps.length > 0) parts.push(`Ran: ${log.steps.join('; ')}.`);
  if (removal.rights.length > 0) {
    parts.push(log.warnings.length > 0 ? `Read back: ${log.warnings.join(' ')}` : 'Read back: the rights are gone.');
  }
  if (keptBy.length > 0) parts.push(`Access continues under request ${keptBy.join(', ')}.`);
  return parts.join(' ');
}
