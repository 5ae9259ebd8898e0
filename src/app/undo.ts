import type { CommandOf } from '../commands/command';
import type { ChangeRequest } from '../domain/change-request';
import { AppError } from '../domain/errors';
import { buildPlan } from '../domain/request-plan';
import { statusNotice, viewerOf } from '../domain/request-rules';
import { undoChange } from '../domain/undo-change';
import type { Actor } from './actor';
import type { Deps } from './deps';
import type { Outcome } from './outcome';
import { fileRequest } from './requests/file-request';
import { loadRequest } from './requests/load';
import { approversOf } from './roles';

const LIVE = new Set<ChangeRequest['status']>(['pending', 'approved', 'executing', 'done']);

/**
 * "undo <request id>": files the inverse of a carried-out change as a new request, approved like any
 * other. Only the rights the original really changed are put back, and each request is undone once.
 */
export async function undo(deps: Deps, actor: Actor, command: CommandOf<'undo'>): Promise<Outcome> {
  const original = await loadRequest(deps, command.requestId);
  const approvers = await approversOf(deps, original.change.mailbox);
  if (!original.approverIds.includes(actor.id) && !approvers.includes(actor.id)) {
    throw new AppError('forbidden', `Only the owners of ${original.change.mailbox.displayName} (or the admins) can undo its changes.`);
  }
  refuseUnlessUndoable(original);
  const earlier = (await deps.store.listRequests({ mailboxId: original.change.mailbox.id })).find(
    (r) => r.undoOf === original.id && LIVE.has(r.status),
  );
  if (earlier?.status === 'done') {
    throw new AppError('invalid', `Request ${original.id} was already undone by request ${earlier.id}.`);
  }
  if (earlier) {
    const notice = `Undo of ${original.id} was already asked for (request ${earlier.id}). ${statusNotice(earlier)}`;
    return { kind: 'request-status', request: earlier, viewer: viewerOf(earlier, actor.id), notice };
  }
  const inverse = undoChange(original);
  if (typeof inverse === 'string') throw new AppError('invalid', inverse);
  if (inverse.kind !== 'grant' && inverse.kind !== 'revoke') throw new AppError('invalid', 'This change cannot be undone.');
  const [access, trusteeEnabled] = await Promise.all([
    deps.exchange.readAccess(inverse.mailbox.address),
    inverse.trustee.kind === 'user' ? deps.directory.accountEnabled(inverse.trustee.id) : Promise.resolve(undefined),
  ]);
  if (!access) throw new AppError('not-found', `${inverse.mailbox.displayName} no longer exists in Exchange.`);
  const automapping = inverse.kind === 'grant' && inverse.automapping;
  const plan = buildPlan({ kind: inverse.kind, mailbox: access.mailbox, grants: access.grants, trustee: inverse.trustee, trusteeEnabled, rights: inverse.rights, automapping });
  if (plan.rights.length === 0) {
    throw new AppError('invalid', `${inverse.mailbox.displayName} is already as it was before request ${original.id}: nothing to undo.`);
  }
  const change = { ...inverse, rights: plan.rights };
  return fileRequest(deps, actor, { change, plan, reason: `Undo of request ${original.id}`, undoOf: original.id });
}

function refuseUnlessUndoable(request: ChangeRequest): void {
  if (request.undoOf) {
    throw new AppError(
      'invalid',
      `Request ${request.id} is itself an undo (of ${request.undoOf}). To change it back, ask for it as a new request, for example "add bob@ to info@".`,
    );
  }
  if (request.status === 'revoked') {
    throw new AppError('invalid', `Request ${request.id} was a time-bound grant that has already ended: there is nothing left to undo.`);
  }
  if (request.status !== 'done') {
    throw new AppError('invalid', `Only a request that was carried out can be undone; request ${request.id} is ${request.status}.`);
  }
}
