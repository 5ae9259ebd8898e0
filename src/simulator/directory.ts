import { allAddresses, key, localPart, type DirectoryGroup, type DirectoryUser, type MailboxState, type TenantState } from './state';

export type Principal =
  | { kind: 'user'; user: DirectoryUser; mailbox?: MailboxState }
  | { kind: 'group'; group: DirectoryGroup };

export type Resolution<T> = { found: T } | { missing: true } | { ambiguous: true };

export function principalById(state: TenantState, id: string): Principal | undefined {
  const user = state.users.get(key(id));
  if (user) return { kind: 'user', user, mailbox: state.mailboxes.get(key(id)) };
  const group = state.groups.get(key(id));
  return group ? { kind: 'group', group } : undefined;
}

function mailboxNames(mailbox: MailboxState): string[] {
  return [mailbox.id, mailbox.exchangeGuid, mailbox.alias, mailbox.displayName, ...allAddresses(mailbox)];
}

function principalNames(state: TenantState, principal: Principal): string[] {
  if (principal.kind === 'group') {
    const g = principal.group;
    return [g.id, g.displayName, ...(g.mail ? [g.mail, localPart(g.mail)] : [])];
  }
  const mailbox = principal.mailbox ?? state.mailboxes.get(key(principal.user.id));
  if (mailbox) return mailboxNames(mailbox);
  const u = principal.user;
  return [u.id, u.displayName, u.userPrincipalName, localPart(u.userPrincipalName), ...(u.mail ? [u.mail] : [])];
}

function pick<T>(matches: T[]): Resolution<T> {
  if (matches.length === 0) return { missing: true };
  if (matches.length > 1) return { ambiguous: true };
  return { found: matches[0] as T };
}

const stripSmtp = (value: string) => value.trim().replace(/^smtp:/i, '').toLowerCase();

/** Mailboxes by each of their names, so that a tenant of thousands resolves an identity without a scan. */
const mailboxIndexes = new WeakMap<TenantState, Map<string, MailboxState[]>>();

/** To be called after anything that may add a mailbox or change its names. */
export function mailboxNamesChanged(state: TenantState): void {
  mailboxIndexes.delete(state);
}

function mailboxIndex(state: TenantState): Map<string, MailboxState[]> {
  let index = mailboxIndexes.get(state);
  if (!index) {
    index = new Map();
    for (const mailbox of state.mailboxes.values()) {
      for (const name of new Set(mailboxNames(mailbox).map((n) => n.toLowerCase()))) index.set(name, [...(index.get(name) ?? []), mailbox]);
    }
    mailboxIndexes.set(state, index);
  }
  return index;
}

export function resolveMailbox(state: TenantState, identity: string): Resolution<MailboxState> {
  const wanted = stripSmtp(identity);
  return pick(mailboxIndex(state).get(wanted) ?? []);
}

export function resolvePrincipal(state: TenantState, identity: string): Resolution<Principal> {
  const wanted = stripSmtp(identity);
  const candidates: Principal[] = [
    ...[...state.users.values()].map((user): Principal => ({ kind: 'user', user, mailbox: state.mailboxes.get(key(user.id)) })),
    ...[...state.groups.values()].map((group): Principal => ({ kind: 'group', group })),
  ];
  return pick(candidates.filter((p) => principalNames(state, p).some((n) => n.toLowerCase() === wanted)));
}

/** Every object reachable below a group, cycle-safe, in breadth-first order. */
export function transitiveMembers(state: TenantState, groupId: string): string[] {
  const seen = new Set<string>([key(groupId)]);
  const out: string[] = [];
  const queue = [...(state.groups.get(key(groupId))?.members ?? [])];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (seen.has(key(id))) continue;
    seen.add(key(id));
    if (!principalById(state, id)) continue;
    out.push(id);
    const nested = state.groups.get(key(id));
    if (nested) queue.push(...nested.members);
  }
  return out;
}

export function transitiveMemberOf(state: TenantState, objectId: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let frontier = [key(objectId)];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const group of state.groups.values()) {
      if (seen.has(key(group.id))) continue;
      if (group.members.some((m) => frontier.includes(key(m)))) {
        seen.add(key(group.id));
        out.push(group.id);
        next.push(key(group.id));
      }
    }
    frontier = next;
  }
  return out;
}
