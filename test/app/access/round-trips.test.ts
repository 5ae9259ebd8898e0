import { strict as assert } from 'node:assert';
import { whoCanAccess } from '../../../src/app/who-can-access';
import { describeRoundTrips, roundTrips } from '../../support/round-trips';
import { actor, ids, sharedAccessEnv, type AccessEnv } from './access-env';

const LATENCY_MS = 50;

describe('who can access round trips (simulator, 50 ms per call)', () => {
  let env: AccessEnv;
  const ask = (mailbox: string) => whoCanAccess(env.deps, actor(ids.pradeep, 'Pradeep'), { kind: 'who-can-access', mailbox });

  sharedAccessEnv(async (started) => {
    env = started;
    await env.tenant.setFaults({ latencyMs: LATENCY_MS });
    await ask('info@contoso.com');
  });

  it('needs at most three sequential round trips for a mailbox with nested group grants', async () => {
    await env.tenant.clearJournal();
    const started = Date.now();
    const outcome = await ask('info@contoso.com');
    const elapsed = Date.now() - started;
    assert.equal(outcome.kind, 'access-report');
    const calls = (await env.tenant.journal()).filter((e) => !e.path.includes('/oauth2/'));
    const cmdlets = calls.flatMap((e) => (e.cmdlet ? [e.cmdlet] : []));
    assert.ok(cmdlets.includes('Get-MailboxPermission') && cmdlets.includes('Get-RecipientPermission'), cmdlets.join(', '));
    const found = roundTrips(calls, LATENCY_MS);
    assert.ok(found.length <= 3, `expected ≤ 3 sequential round trips, saw ${found.length}:\n${describeRoundTrips(found)}`);
    assert.ok(elapsed < 1000, `took ${elapsed} ms`);
  });

  it('needs exactly three sequential round trips for a mailbox named by its alias with a flat group grant', async () => {
    await env.tenant.clearJournal();
    const outcome = await ask('support-emea@');
    assert.equal(outcome.kind === 'access-report' && outcome.report.groupGrants.length, 1);
    const found = roundTrips((await env.tenant.journal()).filter((e) => !e.path.includes('/oauth2/')), LATENCY_MS);
    assert.ok(found.length === 3, `expected 3 sequential round trips, saw ${found.length}:\n${describeRoundTrips(found)}`);
  });
});
