import type { Actor } from '../actor';
import type { CommandOf } from '../../commands/command';
import type { Deps } from '../deps';
import type { Outcome } from '../outcome';
import { resolveMailbox, resolvePrincipal } from '../resolve';
import { isAdmin } from '../roles';
import type { MailboxRef } from '../../domain/change-request';
import { AppError } from '../../domain/errors';
import { recordAudit } from './audit';
import { mailboxRef, principalOf } from './principal';

const HISTORY_LIMIT = 50;

/** Entries read to find those since a day; older ones beyond this are not looked at. */
const SINCE_SCAN = 2_000;

/** The audit log of a mailbox, newest first (from a day on, if asked): its owners and the admins only. */
export async function history(deps: Deps, actor: Actor, command: CommandOf<'history'>): Promise<Outcome> {
  const mailbox = mailboxRef(await resolveMailbox(deps, command.mailbox));
  await requireOwnerOrAdmin(deps, actor, mailbox, 'history');
  if (!command.since) return { kind: 'history', mailbox, entries: await deps.store.listAudit(mailbox.id, HISTORY_LIMIT) };
  const from = `${command.since}T00:00:00.000Z`;
  const entries = (await deps.store.listAudit(mailbox.id, SINCE_SCAN)).filter((e) => e.at >= from).slice(0, HISTORY_LIMIT);
  return { kind: 'history', mailbox, entries, since: command.since };
}

/** Who approves changes to a mailbox: its owners and the admins may look. */
export async function owners(deps: Deps, actor: Actor, command: CommandOf<'owners'>): Promise<Outcome> {
  const mailbox = mailboxRef(await resolveMailbox(deps, command.mailbox));
  await requireOwnerOrAdmin(deps, actor, mailbox, 'owners');
  return { kind: 'owners', mailbox, owners: await deps.store.getOwners(mailbox.id) };
}

export async function addOwner(deps: Deps, actor: Actor, command: CommandOf<'add-owner'>): Promise<Outcome> {
  await requireAdmin(deps, actor, 'add owners');
  const [mailbox, person] = await Promise.all([
    resolveMailbox(deps, command.mailbox).then(mailboxRef),
    resolvePrincipal(deps, command.person),
  ]);
  const current = await deps.store.getOwners(mailbox.id);
  if (!current.some((o) => o.id === person.id)) {
    await deps.store.addOwner(mailbox.id, person);
    await recordAudit(deps, mailbox, {
      actor: await principalOf(deps, actor),
      action: 'owner-added',
      detail: `${person.displayName} (${person.address}) now approves changes to ${mailbox.displayName}.`,
    });
  }
  return { kind: 'owners', mailbox, owners: await deps.store.getOwners(mailbox.id) };
}

export async function removeOwner(deps: Deps, actor: Actor, command: CommandOf<'remove-owner'>): Promise<Outcome> {
  await requireAdmin(deps, actor, 'remove owners');
  const [mailbox, person] = await Promise.all([
    resolveMailbox(deps, command.mailbox).then(mailboxRef),
    resolvePrincipal(deps, command.person),
  ]);
  const current = await deps.store.getOwners(mailbox.id);
  if (!current.some((o) => o.id === person.id)) {
    throw new AppError('not-found', `${person.displayName} is not an owner of ${mailbox.displayName}.`);
  }
  await deps.store.removeOwner(mailbox.id, person.id);
  const left = await deps.store.getOwners(mailbox.id);
  await recordAudit(deps, mailbox, {
    actor: await principalOf(deps, actor),
    action: 'owner-removed',
    detail: `${person.displayName} (${person.address}) no longer approves changes to ${mailbox.displayName}.`,
  });
  return { kind: 'owners', mailbox, owners: left };
}

export async function requireAdmin(deps: Deps, actor: Actor, what: string): Promise<void> {
  if (!(await isAdmin(deps, actor.id))) throw new AppError('forbidden', `Only admins can ${what}.`);
}

async function requireOwnerOrAdmin(deps: Deps, actor: Actor, mailbox: MailboxRef, what: string): Promise<void> {
  const [ownerList, admin] = await Promise.all([deps.store.getOwners(mailbox.id), isAdmin(deps, actor.id)]);
  if (admin || ownerList.some((o) => o.id === actor.id)) return;
  throw new AppError('forbidden', `Only the owners of ${mailbox.displayName} and the admins can see its ${what}.`);
}
