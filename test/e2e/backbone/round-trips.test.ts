import { strict as assert } from 'node:assert';
import { startBotEnv, type BotEnv } from '../../support/bot-env';
import { describeRoundTrips, roundTrips } from '../../support/round-trips';
import { cardOf, cardText } from './card-text';

const LATENCY_MS = 100;
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
    const found = roundTrips(calls, LATENCY_MS);
    assert.ok(found.length <= 3, `expected ≤ 3 sequential round trips, saw ${found.length}:\n${describeRoundTrips(found)}`);
  });
});
