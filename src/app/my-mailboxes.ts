import type { CommandOf } from '../commands/command';
import { buildAccessReport } from '../domain/build-access-report';
import type { PrincipalRef } from '../domain/change-request';
import type { GroupMember, Trustee } from '../domain/directory';
import type { MailboxAccess } from '../domain/mailbox';
import type { Actor } from './actor';
import type { Deps } from './deps';
import type { Outcome, ReachableMailbox } from './outcome';

/** The shared mailboxes the actor can use, each right with how it reaches them (directly or through which groups). */
export async function myMailboxes(deps: Deps, actor: Actor, _command: CommandOf<'my-mailboxes'>): Promise<Outcome> {
  const [shared, myGroups, me] = await Promise.all([
    deps.exchange.listSharedMailboxes(),
    deps.directory.groupsOf(actor.id),
    deps.directory.getPerson(actor.id),
  ]);
  const person: PrincipalRef = {
    kind: 'user',
    id: actor.id,
    displayName: me?.displayName ?? actor.name,
    address: me?.userPrincipalName ?? '',
  };
  if (shared.length === 0) return { kind: 'my-mailboxes', person, mailboxes: [] };

  const accesses = await deps.exchange.readAccessMany(shared.map((m) => m.address));
  const names = [...new Set(accesses.flatMap((a) => a.grants.map((g) => g.trustee)))];
  const trustees = names.length > 0 ? await deps.directory.resolveTrustees(names) : new Map<string, Trustee>();
  const mine = new Set(myGroups.map((id) => id.toLowerCase()));
  const grantedGroups = [...new Set([...trustees.values()].flatMap((t) => (t.kind === 'group' && mine.has(t.group.id.toLowerCase()) ? [t.group.id] : [])))];
  // Only the groups the actor is in matter, and their expansion gives the chain down to the actor.
  const expanded = grantedGroups.length > 0 ? await deps.directory.expandGroups(grantedGroups) : new Map<string, readonly GroupMember[]>();
  const members = new Map([...expanded].map(([id, list]) => [id, list.filter((m) => m.user.id === actor.id)]));

  const mailboxes = accesses
    .map((access) => reachable(access, actor.id, trustees, members, deps.policy.internalDomains))
    .filter((entry) => entry.rights.length > 0)
    .sort((a, b) => a.mailbox.displayName.localeCompare(b.mailbox.displayName));
  return { kind: 'my-mailboxes', person, mailboxes };
}

function reachable(
  access: MailboxAccess,
  actorId: string,
  trustees: ReadonlyMap<string, Trustee>,
  members: ReadonlyMap<string, readonly GroupMember[]>,
  internalDomains: readonly string[],
): ReachableMailbox {
  const report = buildAccessReport({ access, trustees, members, automapping: new Map(), accountEnabled: undefined, internalDomains });
  const rights = report.entries.filter((e) => e.person.id === actorId).map((e) => ({ right: e.right, path: e.path }));
  return { mailbox: access.mailbox, rights };
}
