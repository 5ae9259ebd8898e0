import assert from 'node:assert/strict';
import { RetryPolicy, type RetryPolicyOptions } from '../../../src/adapters/retry/retry-policy';
import { AzureTableStore } from '../../../src/adapters/store/azure-table-store';
import { sealAuditEntry } from '../../../src/domain/audit-chain';
import { startAzurite, type RunningAzurite } from '../../support/azurite';
import { startFaultyProxy, type Fault, type FaultyProxy } from '../../support/faulty-proxy';
import { aCsv, aRequest, anEntry, dana, MiB, rejectsWith, sam } from './store-fixtures';

/** Waits on a clock of its own: retries cost no real time, and the budget is measured on that clock. */
function fakeClock(): { options: RetryPolicyOptions; waits: number[]; elapsed: () => number } {
  let now = 0;
  const waits: number[] = [];
  const sleep = async (ms: number): Promise<void> => {
    waits.push(ms);
    now += ms;
  };
  return { options: { sleep, now: () => now }, waits, elapsed: () => now };
}

describe('AzureTableStore behind a faulty connection', () => {
  let azurite: RunningAzurite;
  let proxy: FaultyProxy;
  let runs = 0;

  before(async () => {
    azurite = await startAzurite();
  });

  after(async () => {
    await azurite.stop();
  });

  beforeEach(async () => {
    proxy = await startFaultyProxy(azurite.connectionString);
  });

  afterEach(async () => {
    await proxy.close();
  });

  async function open(retry: RetryPolicyOptions, attemptTimeoutMs?: number): Promise<AzureTableStore> {
    const options = { tablePrefix: `f${(runs += 1)}`, allowInsecureConnection: true, retry: new RetryPolicy(retry) };
    return AzureTableStore.open(proxy.connectionString, attemptTimeoutMs === undefined ? options : { ...options, attemptTimeoutMs });
  }

  const injected = (...faults: Fault[]): number => faults.reduce((sum, fault) => sum + (proxy.injected.get(fault) ?? 0), 0);

  it('ends every store operation correct when a third of requests meet transient faults', async () => {
    const clock = fakeClock();
    const store = await open({ ...clock.options, maxAttempts: 12, budgetMs: 10_000 });
    proxy.plan({ share: 0.33, faults: [408, 429, 500, 503, 'drop'], retryAfterSeconds: 1, seed: 7 });
    for (let round = 0; round < 4; round += 1) {
      const created = await store.createRequest(aRequest({ mailboxId: `mb-${round}` }));
      const approved = await store.updateRequest({ ...created, status: 'approved' });
      assert.deepEqual(await store.getRequest(created.id), approved);
      assert.deepEqual((await store.listRequests({ mailboxId: `mb-${round}` })).map((r) => r.status), ['approved']);
      const first = sealAuditEntry(anEntry(`mb-${round}`, '2026-01-01T10:00:00.000Z', 'requested'), '');
      const second = sealAuditEntry(anEntry(`mb-${round}`, '2026-01-01T11:00:00.000Z', 'approved'), first.hash!);
      await store.appendAudit(first);
      await store.appendAudit(second);
      assert.deepEqual(await store.listAudit(`mb-${round}`, 10), [second, first]);
      await store.addOwner(`mb-${round}`, dana);
      assert.deepEqual(await store.getOwners(`mb-${round}`), [dana]);
      await store.recordAutomapping(`mb-${round}`, sam.id, false);
      assert.deepEqual(await store.automappingOf(`mb-${round}`), new Map([[sam.id, false]]));
      const report = { csv: aCsv(MiB) };
      await store.putDocument(`export:${round}`, report);
      assert.deepEqual(await store.getDocument(`export:${round}`), report);
      await store.deleteDocument(`export:${round}`);
      assert.equal(await store.getDocument(`export:${round}`), undefined);
      assert.equal(await store.acquireLease(`lease-${round}`, 'instance-a', 30_000, new Date(0)), true);
      assert.equal(await store.acquireLease(`lease-${round}`, 'instance-b', 30_000, new Date(1_000)), false);
    }
    assert.ok(injected(408, 429, 500, 503, 'drop') >= 20, `only ${injected(408, 429, 500, 503, 'drop')} faults met`);
    assert.ok(clock.waits.includes(1_000), 'a 429 with Retry-After: 1 was followed by a 1 s wait');
    await store.close();
  });

  it('creates a request once when the answer to the create is lost', async () => {
    const store = await open({ ...fakeClock().options, maxAttempts: 5 });
    for (const fault of ['forward-then-503', 'forward-then-drop'] as const) {
      proxy.failNext(fault, 'POST');
      const created = await store.createRequest(aRequest());
      assert.equal((await store.getRequest(created.id))?.version, created.version);
      await rejectsWith(store.createRequest(aRequest({ id: created.id })), 'conflict');
    }
    assert.equal(injected('forward-then-503', 'forward-then-drop'), 2);
  });

  it('keeps a conditional update exactly once when its answer is lost', async () => {
    const store = await open({ ...fakeClock().options, maxAttempts: 5 });
    const created = await store.createRequest(aRequest());
    proxy.failNext('forward-then-503', 'PUT');
    const approved = await store.updateRequest({ ...created, status: 'approved' });
    assert.deepEqual(await store.getRequest(created.id), approved);
    proxy.failNext('forward-then-drop', 'PUT');
    await rejectsWith(store.updateRequest({ ...created, status: 'rejected' }), 'conflict');
    assert.equal((await store.getRequest(created.id))?.status, 'approved');
    assert.equal(injected('forward-then-503', 'forward-then-drop'), 2);
  });

  it('gives a lease to exactly one holder when the answers to its writes are lost', async () => {
    const store = await open({ ...fakeClock().options, maxAttempts: 5 });
    proxy.failNext('forward-then-503', 'POST');
    assert.equal(await store.acquireLease('scheduler', 'instance-a', 1_000, new Date(0)), true);
    assert.equal(await store.acquireLease('scheduler', 'instance-b', 30_000, new Date(500)), false);
    proxy.failNext('forward-then-drop', 'PUT');
    assert.equal(await store.acquireLease('scheduler', 'instance-b', 30_000, new Date(2_000)), true);
    assert.equal(await store.acquireLease('scheduler', 'instance-a', 30_000, new Date(3_000)), false);
  });

  it('appends a chained audit entry once when the answer to the append is lost', async () => {
    const store = await open({ ...fakeClock().options, maxAttempts: 5 });
    const first = sealAuditEntry(anEntry('mb-info', '2026-01-01T10:00:00.000Z', 'requested'), '');
    const second = sealAuditEntry(anEntry('mb-info', '2026-01-01T11:00:00.000Z', 'approved'), first.hash!);
    proxy.failNext('forward-then-503', 'POST');
    await store.appendAudit(first);
    proxy.failNext('forward-then-drop', 'POST');
    await store.appendAudit(second);
    assert.deepEqual(await store.listAudit('mb-info', 10), [second, first]);
    assert.equal(await store.auditHead('mb-info'), second.hash);
  });

  it('keeps every operation exactly once when half the requests land but lose their answer', async () => {
    // Parallel part writes share the fake clock, which adds up their waits: the budget is not what this tests.
    const store = await open({ ...fakeClock().options, maxAttempts: 12, budgetMs: 3_600_000 });
    proxy.plan({ share: 0.5, faults: ['forward-then-503', 'forward-then-drop'], seed: 3 });
    const created = await store.createRequest(aRequest());
    let current = created;
    for (let step = 1; step <= 5; step += 1) current = await store.updateRequest({ ...current, reason: `step ${step}` });
    await rejectsWith(store.updateRequest({ ...created, reason: 'stale' }), 'conflict');
    assert.deepEqual(await store.getRequest(created.id), current);
    const large = { csv: aCsv(2 * MiB) };
    await store.putDocument('export:owners', large);
    await store.putDocument('export:owners', { csv: 'small' });
    await store.putDocument('export:owners', large);
    assert.deepEqual(await store.getDocument('export:owners'), large);
    assert.ok(injected('forward-then-503', 'forward-then-drop') >= 8);
  });

  it('ends in unavailable within the budget when storage keeps failing', async () => {
    const store = await open({ maxAttempts: 100, budgetMs: 800, baseDelayMs: 50, maxDelayMs: 200 });
    proxy.plan({ share: 1, faults: [503, 500, 'drop'] });
    const started = Date.now();
    await rejectsWith(store.getRequest('req-1'), 'unavailable');
    const elapsed = Date.now() - started;
    assert.ok(elapsed <= 800 + 200, `took ${elapsed} ms`);
    assert.ok(injected(503, 500, 'drop') >= 4, `only ${injected(503, 500, 'drop')} attempts`);
  });

  it('gives up at once when Retry-After reaches past the budget', async () => {
    const clock = fakeClock();
    const store = await open({ ...clock.options, maxAttempts: 10, budgetMs: 10_000 });
    proxy.plan({ share: 1, faults: [429], retryAfterSeconds: 30 });
    await rejectsWith(store.addOwner('mb-info', dana), 'unavailable');
    assert.deepEqual(clock.waits, []);
    assert.equal(injected(429), 1);
  });

  it('abandons an attempt that gets no answer and retries it', async () => {
    const store = await open({ ...fakeClock().options, maxAttempts: 3 }, 150);
    proxy.failNext('stall');
    await store.addOwner('mb-info', dana);
    assert.deepEqual(await store.getOwners('mb-info'), [dana]);
    assert.equal(injected('stall'), 1);
  });
});
