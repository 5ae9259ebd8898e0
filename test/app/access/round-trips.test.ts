import { strict as assert } from 'node:assert';
import { whoCanAccess } from '../../../src/app/who-can-access';
import type { JournalEntry } from '../../support/simulator-env';
import { actor, ids, startAccessEnv, type AccessEnv } from './access-env';

const LATENCY_MS = 50;

/**
 * Groups journal entries into sequential round trips: with a fixed latency per call, calls sent together
 * land within a few milliseconds, and a call that waited for another lands at least one latency later.
 */
function phases(entries: readonly JournalEntry[]): JournalEntry[][] {
  const sorted = [...entries].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  const result: JournalEntry[][] = [];
  let start = Number.NEGATIVE_INFINITY;
  for (const entry of sorted) {
    const at = Date.parse(entry.time);
    if (at - start >= LATENCY_MS * 0.6) {
      result.push([]);
      start = at;
    }
    result[result.length - 1]?.push(entry);
  }
  return result;
}

const describePhases = (list: JournalEntry[][]) =>
  list.map((phase, i) => `${i + 1}: ${phase.map((e) => e.cmdlet ?? `${e.method} ${e.path}`).join(', ')}`).join('\n');

describe('who can access round trips (simulator, 50 ms per call)', () => {
  let env: AccessEnv;
  const ask = (mailbox: string) => whoCanAccess(env.deps, actor(ids.pradeep, 'Pradeep'), { kind: 'who-can-access', mailbox });

  before(async () => {
    env = await startAccessEnv();
    await env.tenant.setFaults({ latencyMs: LATENCY_MS });
    await ask('info@contoso.com');
  });
  after(async () => env?.close());

  it('needs at most three sequential round trips for a mailbox with nested group grants', async () => {
    await env.tenant.clearJournal();
    const started = Date.now();
    const outcome = await ask('info@contoso.com');
    const elapsed = Date.now() - started;
    assert.equal(outcome.kind, 'access-report');
    const calls = (await env.tenant.journal()).filter((e) => !e.path.includes('/oauth2/'));
    const cmdlets = calls.flatMap((e) => (e.cmdlet ? [e.cmdlet] : []));
    assert.ok(cmdlets.includes('Get-MailboxPermission') && cmdlets.includes('Get-RecipientPermission'), cmdlets.join(', '));
    const found = phases(calls);
    assert.ok(found.length <= 3, `expected ≤ 3 sequential round trips, saw ${found.length}:\n${describePhases(found)}`);
    assert.ok(elapsed < 1000, `took ${elapsed} ms`);
  });

  it('needs exactly three sequential round trips for a mailbox named by its alias with a flat group grant', async () => {
    await env.tenant.clearJournal();
    const outcome = await ask('support-emea@');
    assert.equal(outcome.kind === 'access-report' && outcome.report.groupGrants.length, 1);
    const found = phases((await env.tenant.journal()).filter((e) => !e.path.includes('/oauth2/')));
    assert.ok(found.length === 3, `expected 3 sequential round trips, saw ${found.length}:\n${describePhases(found)}`);
  });
});
