import type { Actor } from '../actor';
import type { CommandOf } from '../../commands/command';
import type { Deps } from '../deps';
import type { Outcome } from '../outcome';
import { resolveMailbox, resolvePrincipal } from '../resolve';
import type { Change } from '../../domain/change-request';
import { AppError } from '../../domain/errors';
import { grantEnd } from '../../domain/grant-period';
import { ALL_RIGHTS, DEFAULT_RIGHTS } from '../../domain/mailbox';
import { buildPlan, nothingToDo, type PlanInput } from '../../domain/request-plan';
import { fileRequest } from './file-request';
import { refuseLongerThanAllowed } from './max-grant';
import { mailboxRef } from './principal';

/** "add <person> to <mailbox> …": previews the plan and files a request for the approvers. */
export async function requestGrant(deps: Deps, actor: Actor, command: CommandOf<'request-grant'>): Promise<Outcome> {
  const end = command.duration ? grantEnd(command.duration, deps.clock.now()) : undefined;
  if (end) refuseLongerThanAllowed(deps, end.days);
  const input = await planInput(deps, command, 'grant', command.rights.length > 0 ? command.rights : DEFAULT_RIGHTS);
  const plan = buildPlan({ ...input, automapping: command.automapping, ...(end ? { end } : {}) });
  const mailbox = mailboxRef(input.mailbox);
  if (plan.rights.length === 0) throw new AppError('invalid', nothingToDo(input, mailbox));
  const change: Change = {
    kind: 'grant',
    mailbox,
    trustee: input.trustee,
    rights: plan.rights,
    automapping: command.automapping,
    ...(end ? { until: end.until } : {}),
  };
  return fileRequest(deps, actor, { change, plan, reason: command.reason });
}

/** "remove <person> from <mailbox> [rights]": all rights unless some are named. */
export async function requestRevoke(deps: Deps, actor: Actor, command: CommandOf<'request-revoke'>): Promise<Outcome> {
  const input = await planInput(deps, command, 'revoke', command.rights.length > 0 ? command.rights : ALL_RIGHTS);
  const plan = buildPlan(input);
  const mailbox = mailboxRef(input.mailbox);
  if (plan.rights.length === 0) throw new AppError('invalid', nothingToDo(input, mailbox));
  const change: Change = { kind: 'revoke', mailbox, trustee: input.trustee, rights: plan.rights };
  return fileRequest(deps, actor, { change, plan, reason: command.reason });
}

async function planInput(
  deps: Deps,
  command: { readonly mailbox: string; readonly person: string },
  kind: PlanInput['kind'],
  rights: PlanInput['rights'],
): Promise<PlanInput> {
  const [mailbox, trustee] = await Promise.all([
    resolveMailbox(deps, command.mailbox),
    resolvePrincipal(deps, command.person, { allowGroups: true }),
  ]);
  const [access, trusteeEnabled] = await Promise.all([
    deps.exchange.readAccess(mailbox.address),
    trustee.kind === 'user' ? deps.directory.accountEnabled(trustee.id) : Promise.resolve(undefined),
  ]);
  if (!access) throw new AppError('not-found', `${mailbox.displayName} (${mailbox.address}) no longer exists in Exchange.`);
  return { kind, mailbox: access.mailbox, grants: access.grants, trustee, trusteeEnabled, rights, automapping: false };
}
