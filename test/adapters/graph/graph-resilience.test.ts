import assert from 'node:assert/strict';
import { AppError } from '../../../src/domain/errors';
import { startTenant, type Tenant } from '../../support/simulator-env';
import { ADAPTER_SEED, ids } from '../exchange/tenant-seed';

describe('GraphDirectory under faults', () => {
  let tenant: Tenant;
  before(async () => {
    tenant = await startTenant(ADAPTER_SEED, { retry: { budgetMs: 1_500, maxAttempts: 10, baseDelayMs: 50 } });
  });
  after(() => tenant.close());
  afterEach(() => tenant.setFaults({ throttleRate: 0, unavailableRate: 0, retryAfterSeconds: 1 }));

  it('rides out throttling by honouring Retry-After', async () => {
    await tenant.setFaults({ throttleRate: 0.4, retryAfterSeconds: 0.1 });
    await tenant.clearJournal();
    for (let i = 0; i < 8; i++) assert.equal((await tenant.directory.getPerson(ids.adele))?.displayName, 'Adele Vance');
    const expanded = await tenant.directory.expandGroups([ids.sales]);
    assert.equal(expanded.get(ids.sales)?.length, 5);
    assert.ok((await tenant.journal()).some((entry) => entry.status === 429), 'the fault never fired');
  });

  it('gives up within its budget with a friendly error when Graph stays unavailable', async () => {
    await tenant.setFaults({ unavailableRate: 1 });
    const started = Date.now();
    await assert.rejects(tenant.directory.findPeople('Adele'), (error: unknown) => error instanceof AppError && error.code === 'unavailable' && /busy/.test(error.message));
    assert.ok(Date.now() - started < 3_000, 'the SDK retry handler still waits on its own');
  });
});
