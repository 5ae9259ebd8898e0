import type { Bench } from './harness';
import { naiveWhoCanAccess } from './naive-who-can-access';
import { criticalPath, describePhases, phases, timed } from './stats';

const MAILBOX = 'bench@contoso.com';
const ASKS = 25;
const NAIVE_ASKS = 5;

export interface WhoCanAccessFigures {
  readonly coldMs: number;
  readonly coldRoundTrips: number;
  readonly answerMs: readonly number[];
  readonly roundTrips: readonly number[];
  readonly naiveMs: readonly number[];
  readonly naiveCalls: number;
  readonly naivePeople: number;
}

/** `who can access` asked in a personal chat, answered when the bot's HTTP turn ends (the reply is sent by then). */
export async function benchWhoCanAccess(bench: Bench, latencyMs: number): Promise<WhoCanAccessFigures> {
  const adele = bench.person('adele');
  const ask = async () => {
    await bench.clearJournal();
    await bench.tenantCalls();
    const { ms, result } = await timed(() => bench.say(adele, `who can access ${MAILBOX}`));
    if (result.status !== 200) throw new Error(`who can access answered ${result.status}`);
    const trips = criticalPath(await bench.tenantCalls());
    if (process.env['BENCH_VERBOSE']) console.log(`${Math.round(ms)} ms, ${trips} round trips; as the simulator saw them:\n${describePhases(phases(await bench.journal(), latencyMs))}`);
    return { ms, trips };
  };
  const cold = await ask();
  const answerMs: number[] = [];
  const trips: number[] = [];
  for (let i = 0; i < ASKS; i += 1) {
    const { ms, trips: n } = await ask();
    answerMs.push(ms);
    trips.push(n);
  }
  const app = bench.sim.seed.apps[0]!;
  const naive = await naiveWhoCanAccess({ url: bench.sim.url, tenantId: bench.sim.tenantId, clientId: app.clientId, clientSecret: app.clientSecret });
  const naiveMs: number[] = [];
  let last = { people: 0, calls: 0 };
  for (let i = 0; i < NAIVE_ASKS; i += 1) {
    const { ms, result } = await timed(() => naive(MAILBOX));
    naiveMs.push(ms);
    last = result;
  }
  return { coldMs: cold.ms, coldRoundTrips: cold.trips, answerMs, roundTrips: trips, naiveMs, naiveCalls: last.calls, naivePeople: last.people };
}

