import type { AccessEntry, AccessReport, Automapping, GroupGrant, Path, Warning } from './access-report';
import type { GroupMember, Person, Trustee } from './directory';
import type { MailboxAccess, RawGrant, Right } from './mailbox';
import { ALL_RIGHTS } from './mailbox';
import { forwardingOf } from './forwarding';

export interface AccessReportInput {
  readonly access: MailboxAccess;
  /** Every raw trustee name of the grants, resolved; a name left out counts as an orphan. */
  readonly trustees: ReadonlyMap<string, Trustee>;
  /** Transitive user members of each granted group, by group id. */
  readonly members: ReadonlyMap<string, readonly GroupMember[]>;
  /** What the bot recorded for direct Full Access automapping, by user id. */
  readonly automapping: ReadonlyMap<string, boolean>;
  readonly accountEnabled: boolean | undefined;
  readonly internalDomains: readonly string[];
}

/** The true answer to "who can access": groups expanded, Deny applied, disabled accounts left out. */
export function buildAccessReport(input: AccessReportInput): AccessReport {
  const { access, trustees } = input;
  const allows = access.grants.filter((g) => !g.deny);
  const denies = access.grants.filter((g) => g.deny);
  const denied = deniedPeople(denies, input);

  const entries: AccessEntry[] = [];
  const groupGrants: GroupGrant[] = [];
  const grantWarnings: Warning[] = denies.map((g) => ({ code: 'deny-entry', right: g.right, trustee: nameOf(g, trustees) }));
  const disabledSeen = new Set<string>();
  const disabled = (right: Right, person: Person): void => {
    if (disabledSeen.has(`${right}|${person.id}`)) return;
    disabledSeen.add(`${right}|${person.id}`);
    grantWarnings.push({ code: 'disabled-trustee', right, person });
  };
  const add = (right: Right, person: Person, path: Path, automapping: Automapping): void => {
    if (!person.accountEnabled) return disabled(right, person);
    if (!denied.has(`${right}|${person.id}`)) entries.push({ right, person, path, automapping });
  };

  for (const grant of allows) {
    const trustee = trustees.get(grant.trustee) ?? { kind: 'orphan', raw: grant.trustee };
    if (trustee.kind === 'orphan') {
      grantWarnings.push({ code: 'orphaned-entry', right: grant.right, trustee: trustee.raw });
    } else if (trustee.kind === 'user') {
      add(grant.right, trustee.user, { kind: 'direct' }, directAutomapping(grant.right, trustee.user, input.automapping));
    } else {
      const members = input.members.get(trustee.group.id) ?? [];
      const enabled = new Set(members.filter((m) => m.user.accountEnabled).map((m) => m.user.id));
      groupGrants.push({ right: grant.right, group: trustee.group, memberCount: enabled.size });
      for (const member of members) {
        const via = member.via.length > 0 ? member.via : [trustee.group.displayName];
        add(grant.right, member.user, { kind: 'group', via }, 'not-applicable');
      }
    }
  }

  return {
    mailbox: access.mailbox,
    accountEnabled: input.accountEnabled,
    entries: sortEntries(uniqueEntries(entries)),
    groupGrants: uniqueGroupGrants(groupGrants).sort(
      (a, b) => rank(a.right) - rank(b.right) || a.group.displayName.localeCompare(b.group.displayName),
    ),
    forwarding: forwardingOf(access.mailbox, input.internalDomains),
    warnings: [...mailboxWarnings(input), ...grantWarnings],
  };
}

/** `right|userId` for everyone a Deny reaches, directly or through a denied group: Deny wins in Exchange. */
function deniedPeople(denies: readonly RawGrant[], input: AccessReportInput): ReadonlySet<string> {
  const keys = new Set<string>();
  for (const grant of denies) {
    const trustee = input.trustees.get(grant.trustee);
    if (trustee?.kind === 'user') keys.add(`${grant.right}|${trustee.user.id}`);
    if (trustee?.kind === 'group') {
      for (const member of input.members.get(trustee.group.id) ?? []) keys.add(`${grant.right}|${member.user.id}`);
    }
  }
  return keys;
}

function directAutomapping(right: Right, user: Person, recorded: ReadonlyMap<string, boolean>): Automapping {
  if (right !== 'full-access') return 'not-applicable';
  const value = recorded.get(user.id);
  return value === undefined ? 'unknown' : value ? 'on' : 'off';
}

function nameOf(grant: RawGrant, trustees: ReadonlyMap<string, Trustee>): string {
  const trustee = trustees.get(grant.trustee);
  if (trustee?.kind === 'user') return trustee.user.displayName;
  if (trustee?.kind === 'group') return trustee.group.displayName;
  return grant.trustee;
}

function mailboxWarnings(input: AccessReportInput): Warning[] {
  const { mailbox } = input.access;
  const warnings: Warning[] = [];
  if (mailbox.kind !== 'shared') warnings.push({ code: 'not-shared', kind: mailbox.kind });
  if (mailbox.kind === 'shared' && input.accountEnabled === true) warnings.push({ code: 'sign-in-enabled' });
  if (mailbox.hiddenFromAddressLists) warnings.push({ code: 'hidden-from-address-lists' });
  const forwarding = forwardingOf(mailbox, input.internalDomains);
  if (forwarding?.external) warnings.push({ code: 'external-forwarding', address: forwarding.address });
  return warnings;
}

function pathKey(path: Path): string {
  return path.kind === 'direct' ? '' : path.via.join('\u0000');
}

function uniqueEntries(entries: readonly AccessEntry[]): AccessEntry[] {
  const byKey = new Map<string, AccessEntry>();
  for (const entry of entries) {
    const key = `${entry.right}|${entry.person.id}|${entry.path.kind}|${pathKey(entry.path)}`;
    if (!byKey.has(key)) byKey.set(key, entry);
  }
  return [...byKey.values()];
}

function uniqueGroupGrants(grants: readonly GroupGrant[]): GroupGrant[] {
  const byKey = new Map<string, GroupGrant>();
  for (const grant of grants) byKey.set(`${grant.right}|${grant.group.id}`, grant);
  return [...byKey.values()];
}

function rank(right: Right): number {
  return ALL_RIGHTS.indexOf(right);
}

function sortEntries(entries: AccessEntry[]): AccessEntry[] {
  return entries.sort(
    (a, b) =>
      rank(a.right) - rank(b.right) ||
      a.person.displayName.localeCompare(b.person.displayName) ||
      a.person.id.localeCompare(b.person.id) ||
      Number(a.path.kind === 'group') - Number(b.path.kind === 'group') ||
      pathKey(a.path).localeCompare(pathKey(b.path)),
  );
}
