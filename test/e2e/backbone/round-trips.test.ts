import { strict as assert } from 'node:assert';
import { startBotEnv, type BotEnv } from '../../support/bot-env';
import { cardOf, cardText } from './card-text';

const LATENCY_MS = 100;
type Entry = Awaited<ReturnType<BotEnv['journal']>>[number];

/**
 * Sequential round trips seen from the simulator: with a fixed latency per call, calls made together are
 * journalled within a few milliseconds of each other, and a call that waited for another at least a latency later.
 */
function phases(entries: readonly Entry[]): Entry[][] {
  const sorted = [...entries].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  const result: Entry[][] = [];
  let start = Number.NEGATIVE_INFINITY;
  for (const entry of sorted) {
    const at = Date.parse(entry.time);
    if (at - start >= LATENCY_MS * 0.6) {
      result.push([]);
      start = at;
    }
    result[result.length - 1]!.push(entry);
  }
  return result;
}

const describePhases = (list: Entry[][]) => list.map((p, i) => `${i + 1}: ${p.map((e) => e.cmdlet ?? `${e.method} ${e.path}`).join(', ')}`).join('\n');

describe('backbone: round trips behind one chat turn, over HTTP', () => {
  let env: BotEnv;

  before(async () => {
    env = await startBotEnv();
    await fetch(`${env.sim.url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ latencyMs: LATENCY_MS }) });
    await env.say(env.person('adele'), 'who can access invoices@');
  });
  after(async () => env?.close());

  it('makes at most three sequential round trips when asked about a mailbox granted to a flat group', async () => {
    await env.clearJournal();
    env.connector.clear();
    await env.say(env.person('adele'), 'who can access invoices@');
    const text = cardText(cardOf(env.connector.sent()[0]));
    assert.match(text, /^Grady Archie directly · automapping unknown$/m);
    assert.match(text, /^Wanda Howard via Finance Team · automapping —$/m);
    const calls = (await env.journal()).filter((e) => !e.path.includes('/oauth2/'));
    const found = phases(calls);
    assert.ok(found.length <= 3, `expected ≤ 3 sequential round trips, saw ${found.length}:\n${describePhases(found)}`);
  });
});
