import type { CommandOf } from '../commands/command';
import type { AccessReport } from '../domain/access-report';
import { buildAccessReport } from '../domain/build-access-report';
import type { GroupMember, Trustee } from '../domain/directory';
import type { MailboxAccess } from '../domain/mailbox';
import { AppError } from '../domain/errors';
import type { Actor } from './actor';
import type { Deps } from './deps';
import type { Outcome } from './outcome';
import { likelyMailboxAddress, resolveMailbox } from './resolve';

/**
 * The access report. Three sequential round trips to Microsoft when the mailbox is named by address:
 * the Exchange batch, then trustee resolution with the account check, then group expansion.
 */
export async function whoCanAccess(deps: Deps, _actor: Actor, command: CommandOf<'who-can-access'>): Promise<Outcome> {
  const { report } = await accessFactsOf(deps, await readMailboxAccess(deps, command.mailbox));
  return { kind: 'access-report', report };
}

/**
 * What Exchange listed, with trustees resolved and groups expanded, and the resolved trustee of each raw grant
 * (an access review also lists disabled trustees).
 */
export async function accessFactsOf(deps: Deps, access: MailboxAccess): Promise<{ report: AccessReport; trustees: ReadonlyMap<string, Trustee> }> {
  const { mailbox } = access;
  const names = [...new Set(access.grants.map((g) => g.trustee))];
  const [trustees, accountEnabled, automapping] = await Promise.all([
    names.length > 0 ? deps.directory.resolveTrustees(names) : Promise.resolve(new Map<string, Trustee>()),
    mailbox.id !== '' ? deps.directory.accountEnabled(mailbox.id) : Promise.resolve(undefined),
    deps.store.automappingOf(mailbox.id),
  ]);
  const groupIds = [...new Set([...trustees.values()].flatMap((t) => (t.kind === 'group' ? [t.group.id] : [])))];
  const members = groupIds.length > 0 ? await deps.directory.expandGroups(groupIds) : new Map<string, readonly GroupMember[]>();
  const report = buildAccessReport({
    access,
    trustees,
    members,
    automapping,
    accountEnabled,
    internalDomains: deps.policy.internalDomains,
  });
  return { report, trustees };
}

/** Reads an addressed mailbox straight away; searches (and explains a miss) only when that finds nothing. */
export async function readMailboxAccess(deps: Deps, query: string): Promise<MailboxAccess> {
  const address = likelyMailboxAddress(deps, query);
  const direct = address === undefined ? undefined : await deps.exchange.readAccess(address);
  if (direct) return direct;
  const mailbox = await resolveMailbox(deps, query);
  const access = await deps.exchange.readAccess(mailbox.address);
  if (!access) throw new AppError('not-found', `The mailbox ${mailbox.address} has just disappeared. Please ask again.`);
  return access;
}
