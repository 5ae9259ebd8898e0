import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { cardAction } from '../test/support/activities';
import type { Bench } from './harness';

const RATE_PER_SECOND = Number(process.env['BENCH_RATE'] ?? 200);
const SECONDS = 2;
const SERIAL = 200;

/** The echo server in its own process, as the bot is, so both are measured from the same client. */
async function startEcho(): Promise<{ url: string; close(): Promise<void> }> {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', join(__dirname, 'echo-server.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', (code) => reject(new Error(`the echo server exited with code ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

/** Sends `count` activities at a fixed rate whatever the answers take (open loop), timing each one. */
async function paced(send: (index: number) => Promise<number>): Promise<number[]> {
  const count = RATE_PER_SECOND * SECONDS;
  const started = performance.now();
  const pending: Promise<number>[] = [];
  for (let i = 0; i < count; i += 1) {
    const due = started + (i * 1000) / RATE_PER_SECOND;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      (async () => {
        const at = performance.now();
        const status = await send(i);
        if (status !== 200) throw new Error(`activity ${i} answered ${status}`);
        return performance.now() - at;
      })(),
    );
  }
  return Promise.all(pending);
}

/** One activity at a time: the cost of a turn with no queueing behind it. */
async function serial(send: (index: number) => Promise<number>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < SERIAL; i += 1) {
    const at = performance.now();
    const status = await send(i);
    if (status !== 200) throw new Error(`activity ${i} answered ${status}`);
    samples.push(performance.now() - at);
  }
  return samples;
}

export interface OverheadFigures {
  readonly rate: number;
  readonly botMs: readonly number[];
  readonly echoMs: readonly number[];
  readonly botSerialMs: readonly number[];
  readonly echoSerialMs: readonly number[];
}

/**
 * Card refreshes (`request.refresh` invokes, answered in the HTTP response) against the bot, simulator latency 0,
 * and the same POSTs against the echo server. A message turn would measure the outbound Teams rate limit
 * (4 sends/s per conversation, 25/s per tenant) instead of the bot.
 */
export async function benchOverhead(bench: Bench): Promise<OverheadFigures> {
  const people = ['adele', 'megan'].map((name) => bench.person(name));
  const echo = await startEcho();
  try {
    const requestId = await fileRequest(bench);
    const body = JSON.stringify(cardAction(people[0]!, 'request.refresh', { requestId }, { tenantId: bench.sim.tenantId, serviceUrl: bench.connector.url }));
    const toBot = async (i: number) => (await bench.click(people[i % 2]!, 'request.refresh', { requestId })).status;
    const toEcho = async () => {
      const response = await fetch(`${echo.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await response.arrayBuffer();
      return response.status;
    };
    await serial(toBot);
    const botSerialMs = await serial(toBot);
    const echoSerialMs = await serial(toEcho);
    const botMs = await paced(toBot);
    const echoMs = await paced(toEcho);
    return { rate: RATE_PER_SECOND, botMs, echoMs, botSerialMs, echoSerialMs };
  } finally {
    await echo.close();
  }
}

async function fileRequest(bench: Bench): Promise<string> {
  const before = bench.connector.calls.length;
  await bench.say(bench.person('adele'), 'add p700@contoso.com to desk@contoso.com');
  const card = await bench.nextCall(before, (call) => /"requestId":"/.test(JSON.stringify(call.body)));
  return /"requestId":"([^"]+)"/.exec(JSON.stringify(card.body))![1]!;
}
