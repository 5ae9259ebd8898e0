import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSeed } from '../../src/simulator/seed';

interface User { id: string; displayName: string; userPrincipalName: string; mail: string; accountEnabled: boolean }
interface Group { id: string; displayName: string; mail: string | null; securityEnabled: boolean; mailEnabled: boolean; members: string[] }
interface Mailbox {
  id: string; displayName: string; primarySmtpAddress: string; type: 'shared' | 'user'; accountEnabled: boolean;
  hiddenFromAddressLists: boolean; forwardingSmtpAddress: string | null; deliverToMailboxAndForward: boolean;
  messageCopyForSentAsEnabled: boolean; messageCopyForSendOnBehalfEnabled: boolean;
  fullAccess: { trustee: string; deny: boolean }[]; sendAs: string[]; sendOnBehalf: string[];
  sizeGB?: number; emailAddresses?: string[];
}
interface DemoSeed {
  tenant: { id: string; defaultDomain: string; displayName: string };
  apps: { clientId: string; clientSecret: string; roles: string[] }[];
  users: User[]; groups: Group[]; mailboxes: Mailbox[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const seed = JSON.parse(readFileSync(join(__dirname, '../../src/simulator/seeds/demo.json'), 'utf8')) as DemoSeed;
const userById = new Map(seed.users.map((u) => [u.id, u]));
const groupById = new Map(seed.groups.map((g) => [g.id, g]));
const mailbox = (local: string): Mailbox => {
  const found = seed.mailboxes.find((m) => m.primarySmtpAddress === `${local}@contoso.com`);
  assert.ok(found, `mailbox ${local}@ is seeded`);
  return found;
};
const trusteesOf = (m: Mailbox): string[] => [...m.fullAccess.map((a) => a.trustee), ...m.sendAs, ...m.sendOnBehalf];
const isGroupGrant = (m: Mailbox): boolean => m.fullAccess.some((a) => groupById.has(a.trustee));
/** Levels of groups below and including `id` (0 when `id` is not a group). */
const depth = (id: string): number => {
  const group = groupById.get(id);
  return group ? 1 + Math.max(0, ...group.members.map(depth)) : 0;
};

describe('demo seed', () => {
  it('does pass the simulator seed parser when loaded as the demo tenant', () => {
    const parsed = parseSeed(seed, 'demo.json');
    assert.equal(parsed.mailboxes.length, seed.mailboxes.length);
  });

  it('does describe Contoso with one demo app holding every role the bot needs', () => {
    assert.match(seed.tenant.id, GUID);
    assert.equal(seed.tenant.defaultDomain, 'contoso.com');
    assert.equal(seed.apps.length, 1);
    assert.match(seed.apps[0]!.clientId, GUID);
    assert.ok(seed.apps[0]!.clientSecret.length >= 16);
    assert.deepEqual([...seed.apps[0]!.roles].sort(), ['Exchange.ManageAsApp', 'GroupMember.Read.All', 'MailboxSettings.ReadWrite', 'User.Read.All', 'User.ReadWrite.All']);
  });

  it('does give every object a distinct GUID, name and address, mailboxes their own accounts', () => {
    const ids = [...seed.users, ...seed.groups, ...seed.mailboxes].map((o) => o.id);
    ids.forEach((id) => assert.match(id, GUID));
    assert.equal(new Set(ids).size, ids.length);
    const addresses = [
      ...seed.users.map((u) => u.userPrincipalName),
      ...seed.groups.flatMap((g) => (g.mail ? [g.mail] : [])),
      ...seed.mailboxes.flatMap((m) => [m.primarySmtpAddress, ...(m.emailAddresses ?? []).map((a) => a.replace(/^smtp:/i, ''))]),
    ].map((a) => a.toLowerCase());
    assert.equal(new Set(addresses).size, addresses.length, 'addresses are unique');
    const names = [...seed.users, ...seed.groups, ...seed.mailboxes].map((o) => o.displayName.toLowerCase());
    assert.equal(new Set(names).size, names.length, 'recipient names are unique, as Exchange requires');
  });

  it('does seed at least 40 people with firstname@contoso.com names and a few disabled accounts', () => {
    assert.ok(seed.users.length >= 40);
    for (const name of ['Adele Vance', 'Megan Bowen', 'Alex Wilber', 'Isaiah Langer', 'Patti Fernandez', 'Bob Kelly', 'Lynne Robbins']) {
      const user = seed.users.find((u) => u.displayName === name);
      assert.equal(user?.userPrincipalName, `${name.split(' ')[0]!.toLowerCase()}@contoso.com`);
    }
    assert.ok(seed.users.filter((u) => !u.accountEnabled).length >= 2);
  });

  it('does make the first group "Bot admins", a security group of enabled users', () => {
    const admins = seed.groups[0]!;
    assert.equal(admins.displayName, 'Bot admins');
    assert.equal(admins.securityEnabled, true);
    assert.ok(admins.members.length >= 2);
    admins.members.forEach((id) => assert.equal(userById.get(id)?.accountEnabled, true));
  });

  it('does nest groups at least three deep without cycles', () => {
    assert.ok(seed.groups.length >= 10);
    assert.ok(Math.max(...seed.groups.map((g) => depth(g.id))) >= 3);
  });

  it('does reference only seeded users and groups, except one deliberate orphan', () => {
    for (const g of seed.groups) g.members.forEach((id) => assert.ok(userById.has(id) || groupById.has(id), `${g.displayName} member ${id}`));
    const unknown = new Set(seed.mailboxes.flatMap(trusteesOf).filter((id) => !userById.has(id) && !groupById.has(id)));
    assert.equal(unknown.size, 1);
    assert.match([...unknown][0]!, GUID);
    seed.mailboxes.flatMap((m) => m.sendOnBehalf).forEach((id) => assert.ok(!groupById.has(id), 'Send on Behalf names people'));
  });

  it('does give info@ a rich mix of direct, group, denied, disabled and orphaned grants', () => {
    const info = mailbox('info');
    assert.equal(info.displayName, 'Info');
    assert.ok(info.fullAccess.some((a) => userById.has(a.trustee) && !a.deny && info.sendAs.includes(a.trustee)));
    assert.ok(isGroupGrant(info));
    assert.ok(info.fullAccess.some((a) => a.deny));
    assert.ok(info.fullAccess.some((a) => userById.get(a.trustee)?.accountEnabled === false));
    assert.ok(info.sendOnBehalf.length > 0);
    assert.ok((info.emailAddresses ?? []).length > 0);
  });

  it('does cover every case the access report and settings card show', () => {
    const all = seed.mailboxes;
    assert.ok(all.length >= 12);
    assert.ok(all.some((m) => m.fullAccess.some((a) => depth(a.trustee) >= 3)), 'grant to a group nested three deep');
    assert.ok(all.some((m) => m.fullAccess.some((a) => { const g = groupById.get(a.trustee); return g?.mailEnabled && g.securityEnabled && g.mail; })), 'mail-enabled security group grant');
    assert.ok(all.some((m) => m.hiddenFromAddressLists), 'hidden from GAL');
    assert.ok(all.some((m) => m.forwardingSmtpAddress?.endsWith('@fabrikam.com')), 'external forwarding');
    assert.ok(all.some((m) => m.forwardingSmtpAddress?.endsWith('@contoso.com') && m.deliverToMailboxAndForward), 'internal forwarding keeping a copy');
    assert.ok(all.some((m) => m.type === 'shared' && m.accountEnabled), 'shared mailbox with sign-in enabled');
    assert.ok(all.some((m) => m.type === 'user'), 'user mailbox to convert');
    assert.ok(all.some((m) => m.messageCopyForSentAsEnabled) && all.some((m) => m.messageCopyForSendOnBehalfEnabled), 'sent items copies');
    assert.ok(all.some((m) => (m.sizeGB ?? 0) >= 45 && (m.sizeGB ?? 0) < 50), 'a mailbox near the 50 GB quota');
    assert.ok(all.some((m) => trusteesOf(m).length === 0), 'a mailbox nobody can reach');
  });
});
