import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSeed } from '../../src/simulator/seed';
import { startTenant, type Tenant } from '../support/simulator-env';

const seedPath = join(__dirname, '../../src/simulator/seeds/demo.json');
const seed = parseSeed(JSON.parse(readFileSync(seedPath, 'utf8')), 'demo.json');
const userId = (upn: string): string => seed.users.find((u) => u.userPrincipalName === upn)!.id;

describe('demo tenant over the wire', () => {
  let tenant: Tenant;
  before(async () => (tenant = await startTenant(seedPath)));
  after(() => tenant.close());

  it('does show info@ with a denied entry, a group grant, a disabled trustee and an orphaned SID', async () => {
    const access = await tenant.exchange.readAccess('info@contoso.com');
    assert.ok(access);
    assert.equal(access.mailbox.displayName, 'Info');
    assert.ok(access.grants.some((g) => g.deny));
    const trustees = await tenant.directory.resolveTrustees([...new Set(access.grants.map((g) => g.trustee))]);
    const kinds = [...trustees.values()].map((t) => t.kind);
    assert.ok(kinds.includes('user') && kinds.includes('group') && kinds.includes('orphan'), kinds.join());
    assert.ok([...trustees.values()].some((t) => t.kind === 'user' && !t.user.accountEnabled));
    assert.ok([...trustees.values()].some((t) => t.kind === 'orphan' && /^S-1-5-21-/.test(t.raw)));
  });

  it('does expand the Sales Team four groups deep, naming the chain', async () => {
    const sales = seed.groups.find((g) => g.displayName === 'Sales Team')!;
    const members = (await tenant.directory.expandGroups([sales.id])).get(sales.id) ?? [];
    const kat = members.find((m) => m.user.id === userId('kat@contoso.com'));
    assert.deepEqual(kat?.via, ['Sales Team', 'Sales EMEA', 'Sales EMEA North', 'Sales Nordics']);
  });

  it('does list the shared mailboxes with forwarding and hidden ones, leaving the user mailbox out', async () => {
    const shared = await tenant.exchange.listSharedMailboxes();
    const addresses = shared.map((m) => m.address);
    assert.equal(shared.length, seed.mailboxes.filter((m) => m.type === 'shared').length);
    assert.ok(!addresses.includes('training@contoso.com'));
    assert.ok(shared.some((m) => m.hiddenFromAddressLists));
    assert.ok(shared.some((m) => m.forwardingSmtpAddress === 'events-agency@fabrikam.com'));
  });
});
