// Contract for roles (DESIGN §5) shared by every use case; implemented in this file.
import type { Deps } from './deps';
import type { MailboxRef, PrincipalRef } from '../domain/change-request';

/** Admins are transitive members of the configured admin group. */
export async function isAdmin(deps: Deps, userId: string): Promise<boolean> {
  const wanted = deps.policy.adminGroupId.toLowerCase();
  const groups = await deps.directory.groupsOf(userId);
  return groups.some((id) => id.toLowerCase() === wanted);
}

/**
 * Object ids of who decides for a mailbox: its owners, or the admins when it has none. Only enabled
 * accounts count, so a mailbox whose owners have all left falls back to the admins instead of being stuck.
 */
export async function approversOf(deps: Deps, mailbox: MailboxRef): Promise<readonly string[]> {
  const owners = await deps.store.getOwners(mailbox.id);
  const fromOwners = owners.length > 0 ? await enabledUsers(deps, owners) : [];
  return fromOwners.length > 0 ? fromOwners : adminIds(deps);
}

/** Object ids of the admins: the enabled transitive members of the admin group. */
export async function adminIds(deps: Deps): Promise<readonly string[]> {
  const admins = await deps.directory.expandGroups([deps.policy.adminGroupId]);
  return unique((admins.get(deps.policy.adminGroupId) ?? []).filter((m) => m.user.accountEnabled).map((m) => m.user.id));
}

async function enabledUsers(deps: Deps, principals: readonly PrincipalRef[]): Promise<readonly string[]> {
  const users = principals.filter((p) => p.kind === 'user');
  const groupIds = principals.filter((p) => p.kind === 'group').map((p) => p.id);
  const [people, members] = await Promise.all([
    Promise.all(users.map((u) => deps.directory.getPerson(u.id))),
    groupIds.length > 0 ? deps.directory.expandGroups(groupIds) : Promise.resolve(new Map()),
  ]);
  const direct = people.flatMap((p) => (p?.accountEnabled ? [p.id] : []));
  const viaGroups = [...members.values()].flat().flatMap((m) => (m.user.accountEnabled ? [m.user.id] : []));
  return unique([...direct, ...viaGroups]);
}

function unique(ids: readonly string[]): readonly string[] {
  return [...new Set(ids)];
}
