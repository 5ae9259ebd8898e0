import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_BODY_BYTES } from '../../src/server';
import { startBotEnv, UNPACED, type BotEnv } from '../support/bot-env';
import { fuzzInputs, type FuzzInput } from './fuzz-inputs';

// FUZZ_SEED replays another sequence; FUZZ_RUNS shortens a local run.
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 10_000);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261125);
/** Requests in flight at once: enough to interleave turns, few enough to keep each one's latency low. */
const PARALLEL = 32;
const EXCHANGE_WRITE = /^(Add|Remove|Set|New)-/;
const STACK = /\n\s+at\s|\.(ts|js):\d+:\d+/;

interface Answer {
  readonly input: FuzzInput;
  readonly status: number;
  readonly text: string;
}

describe('fuzzing /api/messages', function () {
  this.timeout(120_000);
  let env: BotEnv;

  before(async () => {
    env = await startBotEnv({ teamsPacing: UNPACED });
    // The tenant's throttling is tested elsewhere; here it would only make the run slow.
    await fetch(`${env.sim.url}/__admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ exoConcurrency: 1000, exoCmdletsPer5s: 1_000_000, graphUnitsPer10s: 10_000_000 }),
    });
  });
  after(async () => {
    await env?.close();
  });

  it(`survives ${RUNS} generated inputs without a crash, an unexplained 5xx or an Exchange write (seed ${SEED})`, async () => {
    const people = ['megan', 'isaiah', 'adele', 'alex', 'bob'].map((name) => env.person(name));
    const inputs = fc.sample(fuzzInputs({ tenantId: env.sim.tenantId, serviceUrl: env.connector.url, people }), { numRuns: RUNS, seed: SEED });
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);

    const answers: Answer[] = [];
    const failures: string[] = [];
    try {
      let next = 0;
      const worker = async () => {
        while (next < inputs.length) {
          const input = inputs[next++]!;
          try {
            const response = await fetch(`${env.bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodyOf(input), signal: AbortSignal.timeout(20_000) });
            answers.push({ input, status: response.status, text: await response.text() });
          } catch (error) {
            failures.push(`${input.kind}: ${(error as Error).message} for ${input.body.slice(0, 300)}`);
          }
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }

    assert.deepEqual(failures, [], 'every request got an HTTP answer');
    assert.deepEqual(unhandled, [], 'no unhandled rejection');
    const referencesLogged = new Set(env.log.lines.filter((l) => l.level === 'error').map((l) => l.fields['reference']));
    const unexplained = answers.filter((a) => a.status >= 500 && !unsupportedInvoke(a) && !referencesLogged.has(referenceOf(a.text)));
    assert.deepEqual(unexplained.map(summary), [], 'every 5xx carries a reference that was logged');
    assert.deepEqual(answers.filter((a) => STACK.test(a.text)).map(summary), [], 'no stack trace in any answer');
    assert.deepEqual(answers.filter((a) => a.input.oversized && a.status !== 413).map(summary), [], 'oversized bodies get 413');
    const writes = (await env.journal()).filter((entry) => entry.cmdlet && EXCHANGE_WRITE.test(entry.cmdlet));
    assert.deepEqual(writes, [], 'no Exchange write');

    const statuses = answers.reduce<Record<number, number>>((count, a) => ({ ...count, [a.status]: (count[a.status] ?? 0) + 1 }), {});
    assert.ok((statuses[200] ?? 0) > RUNS / 3, `most well-formed inputs are served: ${JSON.stringify(statuses)}`);
    env.connector.clear();
    assert.equal((await env.say(env.person('megan'), 'help')).status, 200, 'the bot still answers afterwards');
    assert.equal(env.connector.sent().length, 1);
  });
});

function bodyOf(input: FuzzInput): string {
  return input.oversized ? `${input.body.slice(0, -1)},"padding":"${'x'.repeat(MAX_BODY_BYTES)}"}` : input.body;
}

/** botbuilder answers 501 to an invoke the bot does not implement (only card actions are): a verdict, not a failure. */
function unsupportedInvoke(answer: Answer): boolean {
  if (answer.status !== 501) return false;
  const activity = JSON.parse(answer.input.body) as { type?: unknown; name?: unknown };
  return activity.type === 'invoke' && activity.name !== 'adaptiveCard/action';
}

function referenceOf(text: string): unknown {
  try {
    return (JSON.parse(text) as { reference?: unknown }).reference;
  } catch {
    return undefined;
  }
}

function summary(answer: Answer): string {
  return `${answer.status} ${answer.input.kind}: ${answer.text.slice(0, 200)} ← ${answer.input.body.slice(0, 300)} … ${answer.input.body.slice(-300)}`;
}
