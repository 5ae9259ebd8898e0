import { cpus, loadavg } from 'node:os';
import { benchApprovals } from './approvals.bench';
import { startBench } from './harness';
import { benchOverhead } from './overhead.bench';
import { benchReport, CEILING_SAMPLE, CMDLETS_PER_MAILBOX, SERIAL_SAMPLE } from './report.bench';
import { p50, p99 } from './stats';
import { benchWhoCanAccess } from './who-can-access.bench';

const LATENCY_MS = 50;

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const times = (value: number) => `${value.toFixed(1)}×`;

interface Row {
  readonly what: string;
  readonly p50: string;
  readonly p99: string;
  readonly baseline: string;
  readonly ratio: string;
  readonly budget: string;
}

function printTable(rows: readonly Row[]): void {
  const header: Row = { what: 'benchmark', p50: 'p50', p99: 'p99', baseline: 'baseline (same run)', ratio: 'ratio', budget: 'budget' };
  const keys = Object.keys(header) as (keyof Row)[];
  const widths = keys.map((key) => Math.max(...[header, ...rows].map((row) => row[key].length)));
  const line = (row: Row) => `| ${keys.map((key, i) => row[key].padEnd(widths[i]!)).join(' | ')} |`;
  console.log([line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
}

async function main(): Promise<void> {
  const loadBefore = loadavg()[0]!;
  const bench = await startBench();
  try {
    await bench.setLatency(LATENCY_MS);
    const rates = await bench.allowedRates();
    const who = await benchWhoCanAccess(bench, LATENCY_MS);
    await bench.clearJournal();
    const approvals = await benchApprovals(bench);
    await bench.setLatency(0);
    const overhead = await benchOverhead(bench);
    const report = await benchReport(LATENCY_MS);

    const rows: Row[] = [
      {
        what: `who can access (10 grants, 500 people in nested groups), ${who.answerMs.length} asks`,
        p50: ms(p50(who.answerMs)),
        p99: ms(p99(who.answerMs)),
        baseline: `naive serial p50 ${ms(p50(who.naiveMs))}`,
        ratio: `${times(p50(who.naiveMs) / p50(who.answerMs))} faster`,
        budget: '≤ 1000 ms',
      },
      {
        what: 'who can access: sequential round trips on the critical path',
        p50: String(p50(who.roundTrips)),
        p99: String(Math.max(...who.roundTrips)) + ' (max)',
        baseline: `naive serial ${who.naiveCalls} calls`,
        ratio: `${times(who.naiveCalls / Math.max(...who.roundTrips))} fewer`,
        budget: '≤ 3',
      },
      {
        what: 'who can access, first ask (group nesting not yet cached)',
        p50: ms(who.coldMs),
        p99: '-',
        baseline: `${who.coldRoundTrips} round trips`,
        ratio: '-',
        budget: '-',
      },
      { what: `approve click: invoke answered, ${approvals.invokeMs.length} clicks`, p50: ms(p50(approvals.invokeMs)), p99: ms(p99(approvals.invokeMs)), baseline: '-', ratio: '-', budget: 'p99 ≤ 1000 ms' },
      { what: 'approve click → change confirmed to requester', p50: ms(p50(approvals.confirmedMs)), p99: ms(p99(approvals.confirmedMs)), baseline: '-', ratio: '-', budget: '-' },
      { what: 'message turn acknowledged (add … to desk@)', p50: ms(p50(approvals.turnMs)), p99: ms(p99(approvals.turnMs)), baseline: '-', ratio: '-', budget: 'p99 ≤ 2000 ms' },
      {
        what: `bot round trip per activity, one at a time, latency 0 (${overhead.botSerialMs.length} × card refresh)`,
        p50: ms(p50(overhead.botSerialMs)),
        p99: ms(p99(overhead.botSerialMs)),
        baseline: `bare restify echo p50 ${ms(p50(overhead.echoSerialMs))}, p99 ${ms(p99(overhead.echoSerialMs))}`,
        ratio: `${times(p99(overhead.botSerialMs) / p99(overhead.echoSerialMs))} (p99)`,
        budget: '-',
      },
      {
        what: 'bot overhead per activity, one at a time (bot − echo)',
        p50: ms(p50(overhead.botSerialMs) - p50(overhead.echoSerialMs)),
        p99: ms(p99(overhead.botSerialMs) - p99(overhead.echoSerialMs)),
        baseline: '-',
        ratio: '-',
        budget: '-',
      },
      {
        what: `bot round trip per activity, ${overhead.rate}/s, latency 0 (${overhead.botMs.length} × card refresh)`,
        p50: ms(p50(overhead.botMs)),
        p99: ms(p99(overhead.botMs)),
        baseline: `bare restify echo p50 ${ms(p50(overhead.echoMs))}, p99 ${ms(p99(overhead.echoMs))}`,
        ratio: `${times(p99(overhead.botMs) / p99(overhead.echoMs))} (p99)`,
        budget: '-',
      },
      {
        what: `bot overhead per activity at ${overhead.rate}/s (bot − echo)`,
        p50: ms(p50(overhead.botMs) - p50(overhead.echoMs)),
        p99: ms(p99(overhead.botMs) - p99(overhead.echoMs)),
        baseline: '-',
        ratio: '-',
        budget: 'p99 ≤ 20 ms',
      },
      {
        what: `tenant report, ${report.mailboxes} generated mailboxes (ask → summary posted)`,
        p50: `${report.seconds.toFixed(1)} s`,
        p99: '-',
        baseline: `allowed ${report.allowed.perSecond.toFixed(0)} mailboxes/s`,
        ratio: `${(report.perSecond / report.allowed.perSecond).toFixed(2)}× allowed`,
        budget: '≥ 0.9×',
      },
      {
        what: 'tenant report against the simulator\'s ceiling measured on this machine',
        p50: `${report.perSecond.toFixed(1)}/s`,
        p99: '-',
        baseline: `saturating $batch clients ${report.ceilingPerSecond.toFixed(1)}/s`,
        ratio: `${(report.perSecond / report.ceilingPerSecond).toFixed(2)}× ceiling`,
        budget: '≥ 0.9×',
      },
      {
        what: 'tenant report: mailboxes per second',
        p50: `${report.perSecond.toFixed(1)}/s`,
        p99: '-',
        baseline: `serial loop ${report.serialPerSecond.toFixed(1)}/s`,
        ratio: `${times(report.perSecond / report.serialPerSecond)} faster`,
        budget: '≥ 3×',
      },
    ];
    console.log(`\nShared Mailbox Bot benchmarks — ${new Date().toISOString()}, ${cpus().length} cores, Node ${process.version}`);
    console.log(`Simulator: ${LATENCY_MS} ms per call (0 for the overhead rows); allowed rates: EXO ${rates.exoCmdletsPerSecond} cmdlets/s, ` +
      `${rates.exoConcurrency} concurrent EXO requests, Graph ${rates.graphUnitsPerSecond} resource units/s.`);
    console.log(`Load average (1 min): ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after; anything above ${cpus().length} means other work shared the cores.`);
    console.log(`Naive baseline reached ${who.naivePeople} people (500 through groups + the direct grants).`);
    console.log(`Tenant report: ${CMDLETS_PER_MAILBOX} cmdlets per mailbox; allowed = min(${report.allowed.bySlots.toFixed(0)}/s by ` +
      `concurrency × latency, ${report.allowed.byBudget.toFixed(0)}/s by the cmdlet budget) → ${report.allowed.binding} binds; ` +
      `${report.refused} calls refused with 429. Serial baseline: Get-MailboxPermission one mailbox at a time over ${SERIAL_SAMPLE} mailboxes. ` +
      `Ceiling: ${rates.exoConcurrency} clients sending full $batches of the same four reads back to back over ${CEILING_SAMPLE} mailboxes.`);
    console.log(`Report's Exchange $batches: ${report.batchRoundTripMs.toFixed(1)} ms per round trip (latency ${LATENCY_MS} ms), ` +
      `the ${rates.exoConcurrency} slots busy ${(report.slotsBusy * 100).toFixed(0)}% of the time.\n`);
    printTable(rows);
  } finally {
    await bench.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
