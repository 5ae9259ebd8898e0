import { randomBytes } from 'node:crypto';
import type { Seed, SeedGroup, SeedMailbox, SeedUser } from './seed';
import { stableGuid } from './state';

const FIRST = ['Adele', 'Alex', 'Megan', 'Isaiah', 'Patti', 'Lynne', 'Diego', 'Grady', 'Henrietta', 'Joni', 'Lee', 'Lidia', 'Miriam',
  'Nestor', 'Pradeep', 'Johanna', 'Christie', 'Debra', 'Enrico', 'Irvin', 'Allan', 'Camille', 'Dana', 'Emily', 'Ben', 'Aiko', 'Omar', 'Sofia'];
const LAST = ['Vance', 'Wilber', 'Bowen', 'Langer', 'Fernandez', 'Robbins', 'Siciliani', 'Archie', 'Mueller', 'Sherman', 'Gu', 'Holloway',
  'Hooper', 'Wilke', 'Gupta', 'Lorenz', 'Cline', 'Berg', 'Cattaneo', 'Sayers', 'Deyoung', 'Park', 'Braun', 'Nakamura', 'Haddad', 'Rossi'];
const DEPARTMENTS = ['Finance', 'Sales', 'Support', 'HR', 'Legal', 'Marketing', 'Facilities', 'IT', 'Procurement', 'Operations'];
const PURPOSES = ['Invoices', 'Inbox', 'Requests', 'Desk', 'Team', 'Enquiries', 'Bookings', 'Alerts', 'Contracts', 'Reception'];
const REGIONS = ['EMEA', 'Americas', 'APAC', 'Nordics', 'France', 'Germany', 'UK', 'Canada'];

/** A deterministic tenant of `count` shared mailboxes with people, nested groups and grants in believable proportions. */
export function generateSeed(count: number, domain = 'contoso.com'): Seed {
  const random = mulberry32(count);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const users = makeUsers(Math.max(20, count * 2), domain, pick, random);
  const groups = makeGroups(Math.max(4, Math.ceil(count / 5)), users, domain, random);
  const principals = [...users.map((u) => u.id), ...groups.map((g) => g.id)];
  const mailboxes: SeedMailbox[] = [];
  for (let i = 0; i < count; i += 1) {
    const name = `${DEPARTMENTS[i % DEPARTMENTS.length]} ${PURPOSES[Math.floor(i / DEPARTMENTS.length) % PURPOSES.length]}`;
    const round = Math.floor(i / (DEPARTMENTS.length * PURPOSES.length));
    const displayName = round === 0 ? name : `${name} ${REGIONS[round % REGIONS.length]}${round >= REGIONS.length ? ` ${round}` : ''}`;
    const alias = displayName.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const sample = (n: number) => Array.from({ length: n }, () => pick(principals)).filter((id, index, all) => all.indexOf(id) === index);
    mailboxes.push({
      id: stableGuid(`mailbox:${i}`),
      displayName,
      alias,
      primarySmtpAddress: `${alias}@${domain}`,
      type: 'shared',
      accountEnabled: random() < 0.05,
      hiddenFromAddressLists: random() < 0.1,
      forwardingSmtpAddress: random() < 0.04 ? `${alias}@partner.example` : null,
      forwardingAddress: null,
      deliverToMailboxAndForward: random() < 0.5,
      messageCopyForSentAsEnabled: random() < 0.3,
      messageCopyForSendOnBehalfEnabled: random() < 0.2,
      fullAccess: [
        ...sample(1 + Math.floor(random() * 6)).map((trustee) => ({ trustee, deny: random() < 0.02 })),
        ...(random() < 0.05 ? [{ trustee: stableGuid(`deleted:${i}`), deny: false }] : []),
      ],
      sendAs: sample(Math.floor(random() * 4)),
      sendOnBehalf: sample(Math.floor(random() * 3)).filter((id) => users.some((u) => u.id === id)),
      sizeGB: Math.round(random() * 4800) / 100,
      emailAddresses: [],
    });
  }
  return {
    tenant: { id: stableGuid(`tenant:${count}`), defaultDomain: domain, displayName: 'Contoso' },
    apps: [{
      clientId: stableGuid(`app:${count}`),
      clientSecret: randomBytes(24).toString('base64url'),
      roles: ['Exchange.ManageAsApp', 'User.Read.All', 'GroupMember.Read.All', 'User.ReadWrite.All', 'MailboxSettings.ReadWrite'],
    }],
    users,
    groups,
    mailboxes,
  };
}

function makeUsers(count: number, domain: string, pick: <T>(items: readonly T[]) => T, random: () => number): SeedUser[] {
  const taken = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    const givenName = pick(FIRST);
    const surname = pick(LAST);
    let local = `${givenName}.${surname}`.toLowerCase();
    for (let n = 2; taken.has(local); n += 1) local = `${givenName}.${surname}${n}`.toLowerCase();
    taken.add(local);
    const address = `${local}@${domain}`;
    return { id: stableGuid(`user:${i}`), displayName: `${givenName} ${surname}`, userPrincipalName: address, mail: address,
      accountEnabled: random() > 0.03, givenName, surname, jobTitle: null };
  });
}

/** Groups in chains: every fourth group starts a new chain, the others nest inside the previous one. */
function makeGroups(count: number, users: SeedUser[], domain: string, random: () => number): SeedGroup[] {
  const groups: SeedGroup[] = [];
  for (let i = 0; i < count; i += 1) {
    const department = DEPARTMENTS[i % DEPARTMENTS.length] as string;
    const displayName = `${department} ${REGIONS[Math.floor(i / DEPARTMENTS.length) % REGIONS.length]}${i >= DEPARTMENTS.length * REGIONS.length ? ` ${i}` : ''}`;
    const mailEnabled = random() < 0.5;
    const members = Array.from({ length: 2 + Math.floor(random() * 8) }, () => users[Math.floor(random() * users.length)]!.id);
    const group: SeedGroup = {
      id: stableGuid(`group:${i}`),
      displayName,
      mail: mailEnabled ? `${displayName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@${domain}` : null,
      securityEnabled: true,
      mailEnabled,
      members: [...new Set(members)],
    };
    const parent = groups[i - 1];
    if (parent && i % 4 !== 0) parent.members.push(group.id);
    groups.push(group);
  }
  return groups;
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
