import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { personalMessage } from '../test/support/activities';
import { startPair, type Memory } from './azurite-pair';
import { checkOutcomes } from './load-checks';
import { LoadMix, RATE } from './load-mix';
import type { TurnRecord } from './load-probe';
import { requestIdSentTo, runLoad, type Sample } from './load-run';
import { sendRates } from './send-rates';
import { p50, p99 } from './stats';

/**
 * `npm run bench:load`: 200 activities/s at two bot instances sharing one Azure Table store (see README).
 * LOAD_SECONDS shortens the run; LOAD_PROFILE=1 writes a CPU profile of each bot to build/profiles;
 * LOAD_DUMP=<file> keeps every sample, turn record, Bot Connector call and simulator journal entry for study.
 */
const SECONDS = Number(process.env['LOAD_SECONDS'] ?? 60);
const WARM_SECONDS = 5;
const LATENCY_MS = 50;
const SPEAKERS = 80;

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** RSS at the end of each ten seconds, and the lowest heap seen in them (what is left after collections). */
function memoryLines(memory: readonly { atSecond: number; bots: Memory[] }[]): string[] {
  const ends = [...new Set([0, ...memory.map((m) => Math.ceil(m.atSecond / 10) * 10)])].sort((a, b) => a - b);
  return ends.map((end) => {
    const window = memory.filter((m) => m.atSecond <= end && (end === 0 || m.atSecond > end - 10));
    const last = window.at(-1)!;
    const bots = last.bots.map((m, i) => `bot ${i + 1} RSS ${mb(m.rss)}, heap low ${mb(Math.min(...window.map((w) => w.bots[i]!.heapUsed)))}`);
    return `memory at ${String(last.atSecond).padStart(2)} s: ${bots.join('; ')}`;
  });
}

async function main(): Promise<void> {
  const loadBefore = loadavg()[0]!;
  const pair = await startPair();
  try {
    const { sim, connector, bots } = pair;
    await fetch(`${sim.url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ latencyMs: LATENCY_MS }) });
    const person = (upn: string) => {
      const user = sim.seed.users.find((u) => u.userPrincipalName === upn)!;
      return { aadObjectId: user.id, name: user.displayName };
    };
    const where = { tenantId: sim.tenantId, serviceUrl: connector.url };
    const megan = person('megan@contoso.com');
    const speakers = Array.from({ length: SPEAKERS }, (_, i) => person(`p${i + 1}@contoso.com`));
    const mix = new LoadMix(where, speakers, megan, (n) => `p${501 + n}@contoso.com`);
    await bots[0].post(personalMessage(megan, 'help', where));
    for (let i = 0; i < 3; i += 1) {
      const filing = mix.fileRequest(i % 2);
      const before = connector.calls.length;
      await bots[i % 2]!.post(filing.activity);
      mix.knownRequest(requestIdSentTo(pair, before, filing.requester!.aadObjectId)!, Date.now());
    }

    const warm = await runLoad(pair, mix, WARM_SECONDS);
    console.error(`warm-up done (${WARM_SECONDS} s); measuring ${SECONDS} s at ${RATE}/s`);
    const cpuBefore = process.cpuUsage();
    const run = await runLoad(pair, mix, SECONDS);
    const { user, system } = process.cpuUsage(cpuBefore);
    const generatorCpuMs = (user + system) / 1000;
    const turns = run.turns.map((list) => new Map(list.map((t) => [t.id, t])));
    const outcomes = await checkOutcomes(pair, [...warm.samples, ...run.samples]);
    const rates = sendRates(connector.calls);
    const released = sendRates((await Promise.all(bots.map((bot) => bot.releases()))).flat());
    if (process.env['LOAD_DUMP']) {
      const journal = await (await fetch(`${sim.url}/__admin/requests`)).json();
      const samples = run.samples.map(({ body, ...rest }) => rest);
      writeFileSync(process.env['LOAD_DUMP'], JSON.stringify({ calls: connector.calls, samples, journal, turns: run.turns }));
    }

    const matched = run.samples.flatMap((sample) => {
      const turn = turns[sample.instance]!.get(sample.activityId);
      return turn ? [{ sample, turn }] : [];
    });
    const overhead = (list: { sample: Sample; turn: TurnRecord }[], client: boolean) =>
      list.map(({ sample, turn }) => (client ? sample.ms : turn.totalMs) - turn.waitingMs);
    const row = (what: string, list: typeof matched) => {
      const waits = list.map(({ turn }) => turn.waitingMs);
      const calls = list.reduce((sum, { turn }) => sum + turn.httpCalls, 0) / Math.max(1, list.length);
      return `| ${what} | ${list.length} | ${calls.toFixed(1)} | ${ms(p50(overhead(list, false)))} | ${ms(p99(overhead(list, false)))} | ${ms(p50(overhead(list, true)))} | ${ms(p99(overhead(list, true)))} | ${ms(p50(waits))} |`;
    };
    console.log(`\nLoad benchmark — ${new Date().toISOString()}, ${cpus().length} cores, Node ${process.version}, ${SECONDS} s at ${RATE} activities/s ` +
      `(after ${WARM_SECONDS} s warm-up), two bot processes on one Azurite table store, simulator at ${LATENCY_MS} ms per call.`);
    console.log(`Load average (1 min): ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after. Activities sent late by the load generator (> 10 ms): ${run.lateStarts}.\n`);
    console.log('| activities | count | store + connector calls per turn | overhead at the bot p50 | p99 | overhead seen by the caller p50 | p99 | waiting (simulator, pacer) p50 |');
    console.log('|---|---|---|---|---|---|---|---|');
    console.log(row('all', matched));
    for (const kind of ['refresh', 'message', 'request', 'approve'] as const) console.log(row(kind, matched.filter((m) => m.sample.kind === kind)));
    console.log(`\nactivities sent ${run.samples.length}, answered with a bot turn record ${matched.length}`);
    console.log(`errors: ${outcomes.failed.length} failed answers, ${outcomes.errorPosts} error cards posted, ${outcomes.errorLogLines} error log lines; simulator refusals (429/5xx) ${outcomes.simulatorRefusals}`);
    for (const line of bots.flatMap((bot) => bot.errorLines()).slice(0, 3)) console.log(`  logged: ${line.slice(0, 600)}`);
    for (const failed of outcomes.failed.slice(0, 5)) console.log(`  failed: ${failed.kind} ${failed.status} ${JSON.stringify(failed.body).slice(0, 200)}`);
    console.log(`approvals: ${outcomes.approvals} approved, ${outcomes.exchangeWrites} grants written to Exchange, at most ${outcomes.mostWritesForOneTrustee} per trustee; ` +
      `${outcomes.duplicatesResolved} of ${outcomes.duplicates} clicks delivered to both instances acted on once (the other told "Already approved")`);
    console.log(`sends to Teams: ${rates.sends} over ${rates.conversations} conversations; tenant-wide busiest rolling second ${rates.tenantPeak} (mean ${rates.tenantMean.toFixed(1)}/s, limit 25/s per instance); ` +
      `busiest conversation ${rates.conversationPeak} in a rolling second (limit 4/s)`);
    console.log(`  as released by the two pacers: tenant-wide busiest rolling second ${released.tenantPeak}, busiest conversation ${released.conversationPeak}`);
    const [first, last] = [run.memory[0]!, run.memory.at(-1)!];
    const cpuPerActivity = first.bots.map((m, i) => (last.bots[i]!.cpuMs - m.cpuMs) / run.samples.filter((s) => s.instance === i).length);
    console.log(`bot CPU per activity (user + system, all work included): ${cpuPerActivity.map((c) => ms(c)).join(', ')}`);
    console.log(`load generator + simulator + fake connector process CPU: ${ms(generatorCpuMs / run.samples.length)} per activity`);
    for (const line of memoryLines(run.memory)) console.log(line);
  } finally {
    await pair.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
