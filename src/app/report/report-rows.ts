import { buildAccessReport } from '../../domain/build-access-report';
import type { GroupMember, Trustee } from '../../domain/directory';
import type { MailboxAccess } from '../../domain/mailbox';
import { reportRow, type ReportRow } from '../../domain/tenant-report';
import type { Deps } from '../deps';

/** Directory answers kept for one run of a report: trustees repeat across mailboxes, and so do groups. */
export interface RunCache {
  readonly trustees: Map<string, Trustee>;
  readonly groups: Map<string, readonly GroupMember[]>;
}

export const newRunCache = (): RunCache => ({ trustees: new Map(), groups: new Map() });

/**
 * The report rows of mailboxes read from Exchange: every trustee (and mailbox account whose sign-in state Exchange
 * did not give) not looked up yet in this run in one directory round trip, then the groups not expanded yet.
 */
export async function rowsOf(deps: Deps, accesses: readonly MailboxAccess[], cache: RunCache): Promise<ReportRow[]> {
  // The mailbox's own account is a directory object too: without Exchange's word, its sign-in state comes with the trustees.
  const accounts = accesses.flatMap((a) => (a.accountEnabled === undefined && a.mailbox.id ? [a.mailbox.id] : []));
  const names = [...new Set([...accesses.flatMap((a) => a.grants.map((g) => g.trustee)), ...accounts])];
  const unknown = names.filter((name) => !cache.trustees.has(name));
  if (unknown.length > 0) for (const [name, trustee] of await deps.directory.resolveTrustees(unknown, { frugal: true })) cache.trustees.set(name, trustee);
  const groupIds = [...new Set(names.flatMap((name) => {
    const trustee = cache.trustees.get(name);
    return trustee?.kind === 'group' && !cache.groups.has(trustee.group.id) ? [trustee.group.id] : [];
  }))];
  if (groupIds.length > 0) for (const [groupId, members] of await deps.directory.expandGroups(groupIds)) cache.groups.set(groupId, members);
  return Promise.all(
    accesses.map(async (access) => {
      const owners = await deps.store.getOwners(access.mailbox.id);
      const account = access.accountEnabled === undefined && access.mailbox.id ? cache.trustees.get(access.mailbox.id) : undefined;
      const report = buildAccessReport({
        access,
        trustees: cache.trustees,
        members: cache.groups,
        automapping: new Map(),
        accountEnabled: access.accountEnabled ?? (account?.kind === 'user' ? account.user.accountEnabled : undefined),
        internalDomains: deps.policy.internalDomains,
      });
      return reportRow(report, owners.length, access.sizeBytes);
    }),
  );
}
