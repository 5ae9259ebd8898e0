import type { Deps } from '../deps';
import type { ChangeRequest, FollowUpClaim } from '../../domain/change-request';
import { describeChange } from '../../domain/rights-text';
import { auditRequest } from './audit';
import { notifyChanged, writeIfUnchanged } from './load';

export interface FollowUpOptions {
  /** This instance's id: who holds a follow-up claim. */
  readonly owner: string;
  readonly leaseMs: number;
}

const CLEAR_ATTEMPTS = 3;

export function followUpClaim(deps: Deps, options: FollowUpOptions): FollowUpClaim {
  return { leaseOwner: options.owner, leaseUntil: new Date(deps.clock.now().getTime() + options.leaseMs).toISOString() };
}

/**
 * After the result is stored: one audit entry, then the cards and the requester, then the claim is cleared.
 * A crash in between leaves the claim, and `resumeFollowUp` does the rest once it runs out.
 */
export async function followUp(deps: Deps, request: ChangeRequest): Promise<ChangeRequest> {
  await auditResult(deps, request);
  await notifyChanged(deps, request);
  return clearClaim(deps, request);
}

/** Carried-out or failed requests whose follow-up was cut short (its instance died) and is free to take. */
export async function abandonedFollowUps(deps: Deps): Promise<ChangeRequest[]> {
  const now = deps.clock.now().getTime();
  const untold = await deps.store.listRequests({ statuses: ['done', 'failed'], awaitingFollowUp: true });
  return untold.filter((r) => r.followUp !== undefined && Date.parse(r.followUp.leaseUntil) <= now);
}

/** Takes over an abandoned follow-up (one conditional write, so one instance does it) and finishes it. */
export async function resumeFollowUp(deps: Deps, options: FollowUpOptions, request: ChangeRequest): Promise<ChangeRequest | undefined> {
  const claimed = await writeIfUnchanged(deps, { ...request, followUp: followUpClaim(deps, options) });
  return claimed && followUp(deps, claimed);
}

async function auditResult(deps: Deps, request: ChangeRequest): Promise<void> {
  const result = request.result;
  const ran = result && result.steps.length > 0 ? ` Ran: ${result.steps.join('; ')}.` : ' Nothing ran.';
  const ok = request.status === 'done';
  const action = ok ? 'executed' : 'failed';
  await auditRequest(deps, request, {
    // One id per result, so a follow-up resumed after a crash adds no second entry if the first one landed.
    id: `${request.id}-${action}-${result?.at ?? ''}`,
    actor: request.decision?.by ?? request.requester,
    action,
    detail: `${describeChange(request.change)}.${ran}${result?.error ? ` Error: ${result.error}` : ''}`,
    outcome: ok ? 'ok' : 'failed',
  });
}

/** Drops the claim; another write in between (a reminder, a revocation) is read back and the claim dropped from it. */
async function clearClaim(deps: Deps, request: ChangeRequest): Promise<ChangeRequest> {
  const owner = request.followUp?.leaseOwner;
  let current: ChangeRequest | undefined = request;
  for (let attempt = 1; current && current.followUp?.leaseOwner === owner && attempt <= CLEAR_ATTEMPTS; attempt++) {
    const { followUp: _told, ...rest }: ChangeRequest = current;
    const cleared = await writeIfUnchanged(deps, rest);
    if (cleared) return cleared;
    current = await deps.store.getRequest(request.id);
  }
  return current ?? request;
}
