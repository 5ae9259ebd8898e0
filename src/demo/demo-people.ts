import { AppError } from '../domain/errors';

/** The part of a tenant seed the demo needs to pick who chats in the Playground. */
export interface DemoTenant {
  readonly tenant: { readonly id: string; readonly displayName?: string };
  readonly apps?: readonly { readonly clientId: string }[];
  readonly users: readonly DemoUser[];
  readonly groups: readonly { readonly id: string; readonly displayName: string; readonly members: readonly string[] }[];
}

export interface DemoUser {
  readonly id: string;
  readonly displayName: string;
  readonly userPrincipalName: string;
  readonly mail?: string | null;
  readonly accountEnabled: boolean;
  readonly givenName?: string | null;
  readonly surname?: string | null;
}

const TEAM_LEADS = 'team leads';

/** Members of the seed's "Team leads" group: people who ask for access on behalf of their teams. */
export function teamLeadIds(seed: DemoTenant): Set<string> {
  return transitiveUserIds(seed, seed.groups.find((g) => g.displayName.toLowerCase() === TEAM_LEADS)?.id);
}

/** Ids of the users reached through a group, nested groups included. */
export function transitiveUserIds(seed: DemoTenant, groupId: string | undefined): Set<string> {
  const users = new Set<string>();
  const seen = new Set<string>();
  const visit = (id: string): void => {
    const group = seed.groups.find((g) => g.id === id);
    if (!group) return void users.add(id);
    if (seen.has(id)) return;
    seen.add(id);
    group.members.forEach(visit);
  };
  if (groupId) visit(groupId);
  return users;
}

/**
 * The seeded user a person asked to chat as: a UPN, `alias@`, an alias, a display name or a first
 * name. Without one, a team lead who is not an admin, so the demo starts on the requesting side.
 */
export function chooseDemoUser(seed: DemoTenant, asUser: string | undefined, admins: ReadonlySet<string>): DemoUser {
  const wanted = asUser?.trim().toLowerCase().replace(/^@/, '');
  if (!wanted) return defaultUser(seed, admins);
  const matches = firstNonEmpty([
    seed.users.filter((u) => [u.userPrincipalName, u.mail ?? ''].some((a) => a.toLowerCase() === wanted)),
    seed.users.filter((u) => aliasOf(u) === wanted.replace(/@$/, '')),
    seed.users.filter((u) => u.displayName.toLowerCase() === wanted),
    seed.users.filter((u) => namesOf(u).given.toLowerCase() === wanted),
  ]);
  if (matches.length === 0) {
    const examples = seed.users.filter((u) => u.accountEnabled).slice(0, 3).map(aliasOf).join(', ');
    throw new AppError('not-found', `Nobody called "${asUser}" in the demo tenant. Try ${examples}, or a full address.`);
  }
  if (matches.length > 1) {
    const candidates = matches.map((u) => ({ id: u.id, label: u.displayName, detail: u.userPrincipalName }));
    throw new AppError('ambiguous', `"${asUser}" could be ${matches.map((u) => u.userPrincipalName).join(' or ')}: use the address.`, { candidates });
  }
  const [user] = matches as [DemoUser];
  if (!user.accountEnabled) throw new AppError('invalid', `${user.displayName}'s account is disabled, so they cannot sign in to Teams.`);
  return user;
}

export function aliasOf(user: DemoUser): string {
  return (user.userPrincipalName.split('@')[0] ?? user.userPrincipalName).toLowerCase();
}

export function namesOf(user: DemoUser): { given: string; surname: string } {
  const [first = user.displayName, ...rest] = user.displayName.split(' ');
  return { given: user.givenName ?? first, surname: user.surname ?? rest.join(' ') };
}

function defaultUser(seed: DemoTenant, admins: ReadonlySet<string>): DemoUser {
  const leads = teamLeadIds(seed);
  const eligible = seed.users.filter((u) => u.accountEnabled && !admins.has(u.id));
  const user = eligible.find((u) => leads.has(u.id)) ?? eligible[0];
  if (!user) throw new AppError('invalid', 'The demo tenant has no enabled user who is not an admin to chat as.');
  return user;
}

function firstNonEmpty<T>(lists: readonly (readonly T[])[]): readonly T[] {
  return lists.find((list) => list.length > 0) ?? [];
}
