import { strict as assert } from 'node:assert';
import { startBotEnv, DEMO_SEED, type BotEnv } from '../../support/bot-env';
import { startSimulator } from '../../../src/simulator';
import { cardOf, cardText } from './card-text';

/** What Teams allows a bot to take over a turn before it gives up; the chat retry budget stays well inside it. */
const TURN_LIMIT_MS = 12_000;
const INTERNALS = /Error|ExchangeCommand|Get-Mailbox|InvokeCommand|429|503|ECONN|fetch failed|\bat \S+ \(|stack/i;

async function setFaults(env: BotEnv, faults: Record<string, number>): Promise<void> {
  const response = await fetch(`${env.sim.url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });
  assert.equal(response.status, 200, await response.text());
}

/** Asks as Adele; returns the reply's visible text and plain-text fallback, and how long the turn took. */
async function ask(env: BotEnv, text: string): Promise<{ text: string; fallback: string; ms: number }> {
  env.connector.clear();
  const started = Date.now();
  const answer = await env.say(env.person('adele'), text);
  const ms = Date.now() - started;
  assert.equal(answer.status, 200);
  const sent = env.connector.sent();
  assert.equal(sent.length, 1);
  const card = cardOf(sent[0]);
  return { text: cardText(card), fallback: String(card.fallbackText ?? ''), ms };
}

/** The reference shown to the user, which must also be in exactly one warning or error log line. */
function loggedReference(env: BotEnv, text: string): string {
  const reference = /^Reference: ([0-9a-f]{8})$/m.exec(text)?.[1];
  assert.ok(reference, `no reference in ${text}`);
  const lines = env.log.lines.filter((l) => l.fields.reference === reference);
  assert.equal(lines.length, 1, `log lines for ${reference}: ${JSON.stringify(lines)}`);
  assert.ok(lines[0]!.level === 'warn' || lines[0]!.level === 'error');
  return reference;
}

describe('backbone: Exchange and Graph outages, over HTTP', function () {
  this.timeout(60_000);
  let env: BotEnv;

  before(async () => {
    env = await startBotEnv();
    await ask(env, 'who can access info@');
  });
  after(async () => env?.close());
  afterEach(async () => setFaults(env, { throttleRate: 0, unavailableRate: 0, retryAfterSeconds: 1 }));

  it('says Exchange is busy with a logged reference and no internals, then recovers, when Exchange answers 503', async () => {
    await setFaults(env, { unavailableRate: 1 });
    const { text, fallback, ms } = await ask(env, 'who can access info@');
    assert.match(text, /^Exchange is busy, try again in a minute\.$/m);
    const reference = loggedReference(env, text);
    assert.ok(fallback.includes(reference));
    assert.ok(!INTERNALS.test(text) && !INTERNALS.test(fallback), text);
    assert.ok(ms < TURN_LIMIT_MS, `took ${ms} ms`);

    await setFaults(env, { unavailableRate: 0 });
    assert.match((await ask(env, 'who can access info@')).text, /^Who can access Info \(info@contoso\.com\)$/m);
  });

  it('says Exchange is busy within the chat-turn budget when Exchange throttles with a 1 s Retry-After', async () => {
    await setFaults(env, { throttleRate: 1, retryAfterSeconds: 1 });
    const { text, ms } = await ask(env, 'who can access info@');
    assert.match(text, /^Exchange is busy, try again in a minute\.$/m);
    loggedReference(env, text);
    assert.ok(ms < 10_000, `took ${ms} ms`);
  });

  it('gives up within the chat-turn budget when Exchange throttles with a long Retry-After', async () => {
    await setFaults(env, { throttleRate: 1, retryAfterSeconds: 5 });
    const { text, ms } = await ask(env, 'who can access info@');
    assert.match(text, /^Exchange is busy, try again in a minute\.$/m);
    assert.ok(ms < TURN_LIMIT_MS, `took ${ms} ms: the chat path must not wait out the executor's 30 s retry budget`);
  });

  it('still shows help, for anyone, when the directory is down', async () => {
    await setFaults(env, { unavailableRate: 1 });
    const { text, ms } = await ask(env, 'help');
    assert.match(text, /^I manage access to shared mailboxes/);
    assert.ok(!/As an admin/.test(text));
    assert.ok(ms < TURN_LIMIT_MS, `took ${ms} ms`);
  });

});

describe('backbone: Microsoft 365 unreachable, over HTTP', function () {
  this.timeout(60_000);

  it('says Exchange is busy with a logged reference when the service cannot be reached at all', async () => {
    const sim = await startSimulator({ seed: DEMO_SEED, port: 0 });
    const env = await startBotEnv({ sim });
    try {
      await ask(env, 'who can access info@');
      await sim.close();
      const { text, fallback, ms } = await ask(env, 'who can access info@');
      assert.match(text, /^Exchange is busy, try again in a minute\.$/m);
      loggedReference(env, text);
      assert.ok(!INTERNALS.test(text) && !INTERNALS.test(fallback), text);
      assert.ok(ms < TURN_LIMIT_MS, `took ${ms} ms`);
    } finally {
      await env.close();
      await sim.close().catch(() => undefined);
    }
  });
});
