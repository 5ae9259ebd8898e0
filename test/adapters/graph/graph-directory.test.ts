import assert from 'node:assert/strict';
import { AppError } from '../../../src/domain/errors';
import type { Tenant } from '../../support/simulator-env';
import { ids } from '../exchange/tenant-seed';
import { adapterTenantForAllTests } from '../shared-tenant';

const graphCalls = async (tenant: Tenant) => (await tenant.journal()).filter((entry) => entry.path.startsWith('/v1.0/'));

describe('GraphDirectory against the simulated tenant', () => {
  let tenant: Tenant;
  adapterTenantForAllTests((started) => void (tenant = started));
  beforeEach(() => tenant.clearJournal());

  it('finds people by UPN, mail, alias@, id and display-name prefix', async () => {
    const names = async (query: string) => (await tenant.directory.findPeople(query)).map((person) => person.displayName).sort();
    assert.deepEqual(await names('adele@contoso.com'), ['Adele Vance']);
    assert.deepEqual(await names('megan.bowen@contoso.com'), ['Megan Bowen']);
    assert.deepEqual(await names('bob@'), ['Bob Kelly']);
    assert.deepEqual(await names(`id:${ids.carol}`), ['Carol Lee']);
    assert.deepEqual(await names('Ad'), ['Adam Smith', 'Adele Vance']);
    assert.deepEqual(await names('nobody@contoso.com'), []);
    await assert.rejects(tenant.directory.findPeople(''), (error: unknown) => error instanceof AppError && error.code === 'invalid');
  });

  it('reads a person and whether the account can sign in', async () => {
    assert.equal((await tenant.directory.getPerson(ids.adele))?.userPrincipalName, 'adele@contoso.com');
    assert.equal(await tenant.directory.getPerson('00000000-0000-4000-8000-0000000000aa'), undefined);
    assert.equal(await tenant.directory.accountEnabled(ids.carol), false);
    assert.equal(await tenant.directory.accountEnabled(ids.adele), true);
    assert.equal(await tenant.directory.accountEnabled('00000000-0000-4000-8000-0000000000aa'), undefined);
  });

  it('finds groups by mail and by name', async () => {
    assert.deepEqual((await tenant.directory.findGroups('sales-team@contoso.com')).map((group) => group.id), [ids.sales]);
    assert.deepEqual((await tenant.directory.findGroups('Sales')).map((group) => group.displayName).sort(), ['Sales', 'Sales EMEA', 'Sales Paris']);
  });

  it('resolves trustee names of every kind in one round trip, SIDs without a call', async () => {
    const sid = 'S-1-5-21-1111111111-2222222222-3333333333-4444';
    const { result: resolved, requests } = await tenant.roundTrips(() =>
      tenant.directory.resolveTrustees(['adele@contoso.com', 'Sales EMEA', ids.sales, ids.megan, sid, 'ghost@contoso.com', 'sales-team@contoso.com']),
    );
    const kinds = Object.fromEntries([...resolved].map(([name, trustee]) => [name, trustee.kind === 'user' ? trustee.user.displayName : trustee.kind === 'group' ? trustee.group.displayName : 'orphan']));
    assert.deepEqual(kinds, {
      'adele@contoso.com': 'Adele Vance',
      'Sales EMEA': 'Sales EMEA',
      [ids.sales]: 'Sales',
      [ids.megan]: 'Megan Bowen',
      [sid]: 'orphan',
      'ghost@contoso.com': 'orphan',
      'sales-team@contoso.com': 'Sales',
    });
    assert.deepEqual(requests, [{ method: 'POST', path: '/v1.0/$batch' }]);
    assert.ok(!(await graphCalls(tenant)).some((entry) => entry.path.includes('S-1-5')));
  });

  it('resolves the same trustees with one directory call per name when asked to be frugal, a group mail in a second round trip', async () => {
    const names = ['adele@contoso.com', 'Sales EMEA', ids.sales, ids.megan, 'ghost@contoso.com', 'sales-team@contoso.com'];
    const plain = await tenant.directory.resolveTrustees(names);
    await tenant.clearJournal();
    const { result: frugal, requests } = await tenant.roundTrips(() => tenant.directory.resolveTrustees(names, { frugal: true }));
    assert.deepEqual(frugal, plain);
    const lookups = (await graphCalls(tenant)).filter((entry) => !entry.path.endsWith('$batch'));
    assert.equal(lookups.length, names.length + 2, 'one call per name, and a group-mail call for each address no user has');
    assert.equal(requests.length, 2);
  });

  it('expands nested groups with the chain outermost first, disabled members included, in at most two round trips', async () => {
    const { result: expanded, requests } = await tenant.roundTrips(() => tenant.directory.expandGroups([ids.sales]));
    const members = (expanded.get(ids.sales) ?? []).map((member) => `${member.user.displayName}${member.user.accountEnabled ? '' : ' (disabled)'}: ${member.via.join(' > ')}`).sort();
    assert.deepEqual(members, [
      'Adele Vance: Sales',
      'Bob Kelly: Sales > Sales EMEA',
      'Bob Kelly: Sales > Sales EMEA > Sales Paris',
      'Carol Lee (disabled): Sales > Sales EMEA',
      'Dan Ray: Sales > Sales EMEA > Sales Paris',
    ]);
    assert.ok(requests.length <= 2, `expected ≤ 2 round trips, saw ${JSON.stringify(requests)}`);
  });

  it('lists the groups a user belongs to, transitively', async () => {
    assert.deepEqual([...(await tenant.directory.groupsOf(ids.dan))].sort(), [ids.sales, ids.salesEmea, ids.salesParis].sort());
    assert.deepEqual(await tenant.directory.groupsOf('00000000-0000-4000-8000-0000000000aa'), []);
  });
});
