import type { Actor } from '../actor';
import type { CommandOf } from '../../commands/command';
import type { Deps } from '../deps';
import type { Outcome } from '../outcome';
import type { Change, ChangeRequest } from '../../domain/change-request';
import { AppError } from '../../domain/errors';
import { grantLengthDays } from '../../domain/grant-period';
import { buildPlan, directRights } from '../../domain/request-plan';
import { rightsText } from '../../domain/rights-text';
import { fileRequest } from './file-request';
import { loadRequest } from './load';
import { refuseLongerThanAllowed } from './max-grant';

const DAY_MS = 86_400_000;

/**
 * "Ask for more days" on the reminder card: files a new request for the same mailbox and rights, as
 * long as the first one, from its end. Approved as usual; an identical pending one is answered instead.
 */
export async function extendGrant(deps: Deps, actor: Actor, command: CommandOf<'extend-grant'>): Promise<Outcome> {
  const original = await loadRequest(deps, command.requestId);
  const change = original.change;
  if (change.kind !== 'grant' || change.until === undefined) throw new AppError('invalid', `Request ${original.id} is not a time-bound grant.`);
  if (change.trustee.id !== actor.id) {
    throw new AppError('forbidden', `Only ${change.trustee.displayName} can ask to extend this access.`);
  }
  if (original.status !== 'done' && original.status !== 'revoked') {
    throw new AppError('invalid', `Request ${original.id} was never carried out (it is ${original.status}): ask for access as usual.`);
  }
  const days = grantLengthDays(original.createdAt, change.until);
  refuseLongerThanAllowed(deps, days);
  const from = Math.max(deps.clock.now().getTime(), Date.parse(change.until));
  const until = new Date(from + days * DAY_MS).toISOString();
  const extension: Change = { ...change, until };
  const access = await deps.exchange.readAccess(change.mailbox.address);
  if (!access) throw new AppError('not-found', `${change.mailbox.displayName} (${change.mailbox.address}) no longer exists in Exchange.`);
  const plan = buildPlan({
    kind: 'grant', mailbox: access.mailbox, grants: access.grants, trustee: change.trustee, trusteeEnabled: undefined,
    rights: change.rights, automapping: change.automapping, end: { until, days },
  });
  const kept = change.rights.filter((right) => directRights(access.grants, change.trustee).includes(right));
  const effects = kept.length > 0 ? [`${change.trustee.displayName} keeps ${rightsText(kept)} until ${until.slice(0, 10)} (${days} more days).`, ...plan.effects] : plan.effects;
  return fileRequest(deps, actor, {
    change: extension,
    plan: { ...plan, rights: change.rights, effects },
    reason: extensionReason(original),
  });
}

function extensionReason(original: ChangeRequest): string {
  return `Extension of request ${original.id}`;
}
