import type { CommandOf } from '../commands/command';
import type { ChangeRequest } from '../domain/change-request';
import { diagnose as findCauses, type RecentGrant } from '../domain/diagnose';
import type { GroupMember, Trustee } from '../domain/directory';
import { AppError } from '../domain/errors';
import type { Actor } from './actor';
import type { Deps } from './deps';
import type { Outcome } from './outcome';
import { mailboxRef } from './requests/principal';
import { resolvePrincipal } from './resolve';
import { readMailboxAccess } from './who-can-access';

/** "why can't bob open info@": every known cause, read from Exchange, the directory and the bot's own log. */
export async function diagnose(deps: Deps, actor: Actor, command: CommandOf<'diagnose'>): Promise<Outcome> {
  const self = ['i', 'me', 'myself'].includes(command.person.trim().toLowerCase());
  const [access, principal] = await Promise.all([
    readMailboxAccess(deps, command.mailbox),
    resolvePrincipal(deps, self ? `id:${actor.id}` : command.person),
  ]);
  const person = await deps.directory.getPerson(principal.id);
  if (!person) throw new AppError('not-found', `${principal.displayName} is no longer in the directory.`);
  const { mailbox } = access;
  const names = [...new Set(access.grants.map((g) => g.trustee))];
  const [trustees, automapping, done] = await Promise.all([
    names.length > 0 ? deps.directory.resolveTrustees(names) : Promise.resolve(new Map<string, Trustee>()),
    deps.store.automappingOf(mailbox.id),
    deps.store.listRequests({ mailboxId: mailbox.id, statuses: ['done'] }),
  ]);
  const groupIds = [...new Set([...trustees.values()].flatMap((t) => (t.kind === 'group' ? [t.group.id] : [])))];
  const members = groupIds.length > 0 ? await deps.directory.expandGroups(groupIds) : new Map<string, readonly GroupMember[]>();
  const findings = findCauses({
    person,
    mailbox,
    grants: access.grants,
    trustees,
    members,
    automapping,
    recentGrants: done.flatMap((request) => grantReaching(request, person.id, members)),
    internalDomains: deps.policy.internalDomains,
    now: deps.clock.now(),
  });
  return { kind: 'diagnosis', mailbox: mailboxRef(mailbox), person: principal, findings };
}

/** A carried-out grant to the person, or to a group that brings them in. */
function grantReaching(
  request: ChangeRequest,
  personId: string,
  members: ReadonlyMap<string, readonly GroupMember[]>,
): readonly RecentGrant[] {
  const change = request.change;
  if (change.kind !== 'grant' || !request.result?.ok) return [];
  const reaches =
    change.trustee.id === personId ||
    (change.trustee.kind === 'group' && (members.get(change.trustee.id) ?? []).some((m) => m.user.id === personId));
  return reaches ? [{ requestId: request.id, at: request.result.at, rights: change.rights }] : [];
}
