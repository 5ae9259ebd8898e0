import assert from 'node:assert/strict';
import { ExchangeClient, exchangeConcurrencyPerInstance } from '../../../src/adapters/exchange/exchange-client';
import { ExchangeOnline } from '../../../src/adapters/exchange/exchange-online';
import { createCredential } from '../../../src/adapters/identity/credential';
import { RetryPolicy } from '../../../src/adapters/retry/retry-policy';
import { AppError } from '../../../src/domain/errors';
import { startTenant, type Tenant } from '../../support/simulator-env';
import { ADAPTER_SEED } from './tenant-seed';

const exchangeCalls = async (tenant: Tenant) => (await tenant.journal()).filter((entry) => entry.path.includes('/adminapi/'));

describe('Exchange client under load and faults', () => {
  let tenant: Tenant;
  before(async () => {
    tenant = await startTenant(ADAPTER_SEED, { retry: { budgetMs: 10_000, maxAttempts: 12 } });
    await tenant.setFaults({ exoCmdletsPer5s: 10_000 });
  });
  after(() => tenant.close());
  afterEach(() => tenant.setFaults({ latencyMs: 0, throttleRate: 0, unavailableRate: 0, retryAfterSeconds: 1 }));
  beforeEach(() => tenant.clearJournal());

  it('retries a 429 after the Retry-After it was given', async () => {
    await tenant.setFaults({ throttleRate: 0.5, retryAfterSeconds: 0.2 });
    for (let i = 0; i < 10; i++) assert.equal((await tenant.exchange.findMailboxes('info@contoso.com')).length, 1);
    const calls = await exchangeCalls(tenant);
    const throttled = calls.flatMap((entry, index) => (entry.status === 429 ? [index] : []));
    assert.ok(throttled.length > 0, 'the fault never fired');
    for (const index of throttled) {
      const retry = calls[index + 1];
      assert.ok(retry, 'a 429 was not retried');
      assert.ok(Date.parse(retry.time) - Date.parse(calls[index]!.time) >= 190, 'retried before Retry-After');
    }
  });

  it('retries throttled items of a $batch on their own', async () => {
    await tenant.setFaults({ throttleRate: 0.3, retryAfterSeconds: 0.1 });
    const addresses = Array.from({ length: 12 }, (_, i) => `team${String(i).padStart(2, '0')}@contoso.com`);
    const found = await tenant.exchange.readAccessMany(addresses);
    assert.deepEqual(found.map((access) => access.mailbox.address), addresses);
    assert.ok((await exchangeCalls(tenant)).some((entry) => entry.status === 429), 'the fault never fired');
  });

  it('gives up with a friendly error when Exchange stays busy past the time budget', async () => {
    await tenant.setFaults({ unavailableRate: 1, retryAfterSeconds: 0.3 });
    const busy = tenant.exchange.withRetry({ budgetMs: 1_000 });
    const started = Date.now();
    await assert.rejects(
      tenant.exchangeClient.invoke({ cmdlet: 'Get-Mailbox', parameters: { Identity: 'info@contoso.com' } }, tenant.exchangeClient.retry.within({ budgetMs: 1_000 })),
    );
    await assert.rejects(busy.readAccess('info@contoso.com'), (error: unknown) => error instanceof AppError && error.code === 'unavailable' && /busy/.test(error.message));
    assert.ok(Date.now() - started < 3_000);
  });

  it('never has more than three requests in flight, so the concurrency limit never refuses it', async () => {
    await tenant.setFaults({ latencyMs: 60 });
    const addresses = Array.from({ length: 12 }, (_, i) => `team${String(i).padStart(2, '0')}@contoso.com`);
    await Promise.all([
      tenant.exchange.readAccessMany(addresses),
      ...addresses.map((address) => tenant.exchange.findMailboxes(address)),
    ]);
    const calls = await exchangeCalls(tenant);
    assert.ok(calls.length >= 16);
    assert.deepEqual(calls.filter((entry) => entry.status !== 200), []);
  });

  it('is refused by the same limit when a client allows more concurrency (the check above can fail)', async () => {
    const greedy = await startTenant(ADAPTER_SEED, { exchangeConcurrency: 8, retry: { maxAttempts: 1 } });
    try {
      await greedy.setFaults({ latencyMs: 80 });
      const results = await Promise.allSettled(Array.from({ length: 8 }, () => greedy.exchange.findMailboxes('info@contoso.com')));
      assert.ok(results.some((result) => result.status === 'rejected'));
    } finally {
      await greedy.close();
    }
  });

  it('keeps two instances within the tenant limit when each takes its share, and is refused when each takes all of it', async () => {
    await tenant.setFaults({ latencyMs: 80 });
    const credential = createCredential({ ...tenant.credentials, authorityHost: tenant.sim.url });
    const instance = (concurrency: number) =>
      new ExchangeOnline(new ExchangeClient({ baseUrl: tenant.sim.url, tenantId: tenant.sim.tenantId, credential, concurrency, retry: new RetryPolicy({ maxAttempts: 1 }) }));
    const refusals = async (concurrency: number) => {
      const pair = [instance(concurrency), instance(concurrency)];
      const results = await Promise.allSettled(pair.flatMap((exchange) => Array.from({ length: 6 }, () => exchange.findMailboxes('info@contoso.com'))));
      return results.filter((result) => result.status === 'rejected').length;
    };
    assert.equal(exchangeConcurrencyPerInstance(1), 3);
    assert.equal(await refusals(exchangeConcurrencyPerInstance(2)), 0);
    assert.ok((await refusals(3)) > 0, 'two instances at three each exceed the limit');
  });
});
