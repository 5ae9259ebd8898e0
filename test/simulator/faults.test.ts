import assert from 'node:assert/strict';
import { GRAPH_SCOPE, startHarness, type Harness } from './helpers';

describe('simulator: faults, throttling and the journal', () => {
  let h: Harness;
  before(async () => { h = await startHarness(); });
  after(async () => { await h.sim.close(); });
  beforeEach(async () => { await h.reset(); });

  const setFaults = async (faults: Record<string, unknown>) => {
    const response = await fetch(`${h.sim.url}/__admin/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(faults) });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };

  it('publishes the defaults and the allowed rates', async () => {
    const body = (await (await fetch(`${h.sim.url}/__admin/faults`)).json()) as Record<string, any>;
    assert.equal(body['exoConcurrency'], 3);
    assert.equal(body['exoCmdletsPer5s'], 100);
    assert.equal(body['graphUnitsPer10s'], 3500);
    assert.deepEqual(body['allowedRates'], { exoCmdletsPerSecond: 20, exoConcurrency: 3, graphUnitsPerSecond: 350 });
  });

  it('refuses a malformed fault setting', async () => {
    const { status, body } = await setFaults({ throttleRate: 2 });
    assert.equal(status, 400);
    assert.match(body['error'], /throttleRate/);
  });

  it('answers 429 with Retry-After when every call is throttled', async () => {
    await h.token(GRAPH_SCOPE);
    await setFaults({ throttleRate: 1, retryAfterSeconds: 7 });
    const exo = await h.exo('Get-Mailbox', { Identity: 'info' });
    assert.equal(exo.status, 429);
    assert.equal(exo.headers.get('retry-after'), '7');
    const graph = await h.graph('GET', 'users');
    assert.equal(graph.status, 429);
    assert.equal(graph.headers.get('retry-after'), '7');
    await setFaults({ throttleRate: 0, unavailableRate: 1 });
    assert.equal((await h.exo('Get-Mailbox', { Identity: 'info' })).status, 503);
  });

  it('refuses EXO calls past the concurrency limit with the service text', async () => {
    await h.exo('Get-Mailbox', { Identity: 'info' });
    await setFaults({ latencyMs: 300, exoConcurrency: 2 });
    const results = await Promise.all(Array.from({ length: 4 }, () => h.exo('Get-Mailbox', { Identity: 'info' })));
    const statuses = results.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 200, 429, 429]);
    const refused = results.find((r) => r.status === 429)!;
    assert.ok(refused.headers.get('retry-after'));
    assert.match(JSON.stringify(refused.body), /You have reached the maximum number of concurrent requests per tenant\. Please wait and try again/);
  });

  it('answers 429 with Retry-After once the cmdlet budget is spent', async () => {
    await h.exo('Get-Mailbox', { Identity: 'info' });
    await setFaults({ exoCmdletsPer5s: 2 });
    const results = [];
    for (let i = 0; i < 3; i += 1) results.push(await h.exo('Get-Mailbox', { Identity: 'info' }));
    assert.deepEqual(results.map((r) => r.status), [200, 429, 429]);
    const last = results[2]!;
    assert.ok(Number(last.headers.get('retry-after')) >= 1);
  });

  it('answers Graph 429 past the resource-unit budget', async () => {
    await setFaults({ graphUnitsPer10s: 5 });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await h.graph('GET', 'users')).status);
    assert.deepEqual(statuses, [200, 200, 429, 429]);
  });

  it('throttles Graph batch items one by one with Retry-After in the item headers', async () => {
    const token = await h.token(GRAPH_SCOPE);
    await setFaults({ graphUnitsPer10s: 3 });
    const response = await fetch(`${h.sim.url}/v1.0/$batch`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ requests: ['1', '2', '3', '4'].map((id) => ({ id, method: 'GET', url: '/users/adele@contoso.com' })) }),
    });
    const body = (await response.json()) as { responses: Array<{ status: number; headers: Record<string, string> }> };
    assert.deepEqual(body.responses.map((r) => r.status), [200, 200, 200, 429]);
    assert.ok(Number(body.responses[3]!.headers['Retry-After']) >= 1);
  });

  it('adds the configured latency to each call', async () => {
    await h.exo('Get-Mailbox', { Identity: 'info' });
    await setFaults({ latencyMs: 120 });
    const started = Date.now();
    await h.exo('Get-Mailbox', { Identity: 'info' });
    assert.ok(Date.now() - started >= 110);
  });

  it('journals calls in order and clears on DELETE', async () => {
    await h.exo('Get-Mailbox', { Identity: 'info' });
    await h.exo('Add-MailboxPermission', { Identity: 'sales', User: 'adele@contoso.com', AccessRights: ['FullAccess'], AutoMapping: false });
    const { requests } = (await (await fetch(`${h.sim.url}/__admin/requests`)).json()) as { requests: Array<Record<string, unknown>> };
    const cmdlets = requests.filter((r) => r['cmdlet']);
    assert.deepEqual(cmdlets.map((r) => [r['method'], r['cmdlet'], r['status']]), [['POST', 'Get-Mailbox', 200], ['POST', 'Add-MailboxPermission', 200]]);
    assert.deepEqual(cmdlets[1]!['parameters'], { Identity: 'sales', User: 'adele@contoso.com', AccessRights: ['FullAccess'], AutoMapping: false });
    assert.ok(!Number.isNaN(Date.parse(String(cmdlets[0]!['time']))));
    assert.equal((await fetch(`${h.sim.url}/__admin/requests`, { method: 'DELETE' })).status, 204);
    const after = (await (await fetch(`${h.sim.url}/__admin/requests`)).json()) as { requests: unknown[] };
    assert.deepEqual(after.requests, []);
  });
});
