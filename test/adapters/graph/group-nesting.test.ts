import assert from 'node:assert/strict';
import { GraphDirectory } from '../../../src/adapters/graph/graph-directory';
import { GroupNestingCache } from '../../../src/adapters/graph/group-nesting-cache';
import { createCredential } from '../../../src/adapters/identity/credential';
import type { GroupMember } from '../../../src/domain/directory';
import type { Tenant } from '../../support/simulator-env';
import { ids } from '../exchange/tenant-seed';
import { adapterTenantForAllTests } from '../shared-tenant';

const TRUE_CHAINS = [
  'Adele Vance: Sales',
  'Bob Kelly: Sales > Sales EMEA',
  'Bob Kelly: Sales > Sales EMEA > Sales Paris',
  'Carol Lee: Sales > Sales EMEA',
  'Dan Ray: Sales > Sales EMEA > Sales Paris',
];

const chains = (expanded: ReadonlyMap<string, readonly GroupMember[]>) =>
  (expanded.get(ids.sales) ?? []).map((member) => `${member.user.displayName}: ${member.via.join(' > ')}`).sort();

describe('group expansion with a remembered nesting', () => {
  let tenant: Tenant;
  let nesting: GroupNestingCache;
  let directory: GraphDirectory;
  adapterTenantForAllTests((started) => void (tenant = started));
  beforeEach(() => {
    nesting = new GroupNestingCache();
    const credential = createCredential({ ...tenant.credentials, authorityHost: tenant.sim.url });
    directory = new GraphDirectory({ credential, baseUrl: `${tenant.sim.url}/`, nesting });
  });

  it('does the expansion in one round trip when the nesting is already known', async () => {
    const cold = await tenant.roundTrips(() => directory.expandGroups([ids.sales]));
    const warm = await tenant.roundTrips(() => directory.expandGroups([ids.sales]));
    assert.equal(cold.requests.length, 2);
    assert.deepEqual(warm.requests, [{ method: 'POST', path: '/v1.0/$batch' }]);
    assert.deepEqual(chains(warm.result), TRUE_CHAINS);
  });

  it('still gives the true chain when a group was nested after the nesting was remembered', async () => {
    nesting.remember(ids.sales, [ids.salesEmea]);
    const { result, requests } = await tenant.roundTrips(() => directory.expandGroups([ids.sales]));
    assert.deepEqual(chains(result), TRUE_CHAINS);
    assert.equal(requests.length, 2, 'the unknown nested group costs one more round trip');
    assert.deepEqual(nesting.nestedIn(ids.sales), [ids.salesEmea, ids.salesParis]);
  });

  it('does not reach members of a group that left the nesting after it was remembered', async () => {
    nesting.remember(ids.sales, [ids.salesEmea, ids.salesParis, ids.botAdmins]);
    const { result, requests } = await tenant.roundTrips(() => directory.expandGroups([ids.sales]));
    assert.deepEqual(chains(result), TRUE_CHAINS);
    assert.equal(requests.length, 1);
  });

  it('forgets the nesting after its time to live', () => {
    let now = 0;
    const shortLived = new GroupNestingCache(1_000, () => now);
    shortLived.remember(ids.sales, [ids.salesEmea]);
    now = 999;
    assert.deepEqual(shortLived.nestedIn(ids.sales), [ids.salesEmea]);
    now = 1_000;
    assert.equal(shortLived.nestedIn(ids.sales), undefined);
  });
});
