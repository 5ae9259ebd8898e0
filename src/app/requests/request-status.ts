import type { Actor } from '../actor';
import type { CommandOf } from '../../commands/command';
import type { Deps } from '../deps';
import type { Outcome } from '../outcome';
import { AppError } from '../../domain/errors';
import { isOverdue, moveTo, statusNotice, viewerOf } from '../../domain/request-rules';
import { describeChange } from '../../domain/rights-text';
import { auditRequest } from './audit';
import { expireIfDue } from './expire';
import { loadRequest, notifyChanged, writeIfUnchanged } from './load';
import { principalOf } from './principal';

/** The requester withdraws a request nobody has decided yet. */
export async function cancel(deps: Deps, actor: Actor, command: CommandOf<'cancel'>): Promise<Outcome> {
  const loaded = await loadRequest(deps, command.requestId);
  if (loaded.requester.id !== actor.id) {
    throw new AppError('forbidden', `Only ${loaded.requester.displayName}, who asked, can cancel this request.`);
  }
  const request = await expireIfDue(deps, loaded);
  if (request.status !== 'pending') {
    return { kind: 'request-status', request, viewer: viewerOf(request, actor.id), notice: statusNotice(request) };
  }
  const by = await principalOf(deps, actor);
  const next = moveTo(request, 'cancelled', { decision: { verdict: 'cancelled', by, at: deps.clock.now().toISOString() } });
  const saved = await writeIfUnchanged(deps, next);
  if (!saved) {
    const current = await loadRequest(deps, request.id);
    return { kind: 'request-status', request: current, viewer: viewerOf(current, actor.id), notice: statusNotice(current) };
  }
  await auditRequest(deps, saved, { actor: by, action: 'cancelled', detail: `${describeChange(saved.change)}.`, outcome: 'info' });
  await notifyChanged(deps, saved);
  return { kind: 'request-status', request: saved, viewer: viewerOf(saved, actor.id) };
}

/** The current state of a request, for whoever sees its card. */
export async function refresh(deps: Deps, actor: Actor, command: CommandOf<'refresh'>): Promise<Outcome> {
  const request = await expireIfDue(deps, await loadRequest(deps, command.requestId));
  return { kind: 'request-status', request, viewer: viewerOf(request, actor.id) };
}

/** Requests waiting for this person's decision, oldest first. */
export async function pending(deps: Deps, actor: Actor, _command: CommandOf<'pending'>): Promise<Outcome> {
  const now = deps.clock.now();
  const waiting = await deps.store.listRequests({ statuses: ['pending'], approverId: actor.id });
  const requests = waiting
    .filter((r) => !isOverdue(r, now) && r.requester.id !== actor.id && r.approverIds.includes(actor.id))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return { kind: 'pending-list', requests };
}
