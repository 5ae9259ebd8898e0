import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSeed } from '../src/simulator/generate';
import { startBench, type Bench } from './harness';
import { saturatedBatchRate } from './saturated-batches';
import { serialPermissionsRate } from './serial-permissions';

export const REPORT_MAILBOXES = 4_000;
export const SERIAL_SAMPLE = 200;
/** Mailboxes read by the saturating clients that measure the simulator's ceiling (a few seconds' worth). */
export const CEILING_SAMPLE = 600;
/** Get-Mailbox, Get-MailboxPermission, Get-RecipientPermission and Get-MailboxStatistics. */
export const CMDLETS_PER_MAILBOX = 4;
const ITEMS_PER_BATCH = 10;
/** The limit Exchange Online reports in `Rate-Limit-Limit`; the simulator counts it per 5 s window. */
const EXO_CMDLETS_PER_5S = 30_000;
/** Microsoft Graph's identity limit for a large tenant (over 500 users): 8,000 resource units per 10 s per app. */
const GRAPH_UNITS_PER_10S = 8_000;

export interface ReportFigures {
  readonly mailboxes: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly allowed: AllowedReportRate;
  readonly serialPerSecond: number;
  /** The most mailboxes per second clients doing nothing but full `$batch`es got through, measured in the same run. */
  readonly ceilingPerSecond: number;
  readonly refused: number;
  /** Mean time the bot waited for an Exchange `$batch` answer, and how busy it kept the concurrent slots. */
  readonly batchRoundTripMs: number;
  readonly slotsBusy: number;
}

export interface AllowedReportRate {
  /** Each `$batch` of ten items holds one of the concurrent slots for one latency. */
  readonly bySlots: number;
  /** The cmdlet budget, spent per item. */
  readonly byBudget: number;
  readonly perSecond: number;
  readonly binding: 'concurrency × latency' | 'cmdlet budget';
}

/** Mailboxes per second the simulator lets through at most, from its limits, for the report's cmdlets. */
export function allowedReportRate(faults: { latencyMs: number; exoConcurrency: number; exoCmdletsPer5s: number }): AllowedReportRate {
  const bySlots = (faults.exoConcurrency * ITEMS_PER_BATCH) / (faults.latencyMs / 1000) / CMDLETS_PER_MAILBOX;
  const byBudget = faults.exoCmdletsPer5s / 5 / CMDLETS_PER_MAILBOX;
  return { bySlots, byBudget, perSecond: Math.min(bySlots, byBudget), binding: bySlots <= byBudget ? 'concurrency × latency' : 'cmdlet budget' };
}

/** `report` asked by an admin over a generated tenant, timed until the summary reaches the (fake) Bot Connector. */
export async function benchReport(latencyMs: number): Promise<ReportFigures> {
  const bench = await startBench({ seed: (dir) => writeSeed(dir) });
  try {
    const faults = { latencyMs, exoCmdletsPer5s: EXO_CMDLETS_PER_5S, graphUnitsPer10s: GRAPH_UNITS_PER_10S };
    await bench.setFaults(faults);
    const settings = (await (await fetch(`${bench.sim.url}/__admin/faults`)).json()) as { exoConcurrency: number };
    const allowed = allowedReportRate({ ...faults, exoConcurrency: settings.exoConcurrency });
    const addresses = bench.sim.seed.mailboxes.map((m) => m.primarySmtpAddress);
    const app = bench.sim.seed.apps[0]!;
    const tenant = { url: bench.sim.url, tenantId: bench.sim.tenantId, clientId: app.clientId, clientSecret: app.clientSecret };
    const serialPerSecond = await serialPermissionsRate(tenant, addresses.slice(0, SERIAL_SAMPLE));
    const ceilingPerSecond = await saturatedBatchRate(tenant, addresses.slice(0, CEILING_SAMPLE), settings.exoConcurrency);
    await bench.clearJournal();
    await bench.tenantCalls();

    const from = bench.connector.calls.length;
    const started = performance.now();
    const answer = await bench.say(admin(bench), 'report');
    if (answer.status !== 200) throw new Error(`report answered ${answer.status}`);
    await bench.nextCall(from, (call) => summaryText(call.body).startsWith('Shared mailbox report'), 300_000);
    const seconds = (performance.now() - started) / 1000;
    const refused = (await bench.journal()).filter((entry) => (entry as { status?: number }).status === 429).length;
    const batches = (await bench.tenantCalls()).filter((call) => call.url.includes('/adminapi/') && call.url.endsWith('/$batch'));
    const busyMs = batches.reduce((sum, call) => sum + (call.end - call.start), 0);
    return {
      mailboxes: addresses.length,
      seconds,
      perSecond: addresses.length / seconds,
      allowed,
      serialPerSecond,
      ceilingPerSecond,
      refused,
      batchRoundTripMs: busyMs / batches.length,
      slotsBusy: busyMs / (settings.exoConcurrency * seconds * 1000),
    };
  } finally {
    await bench.close();
  }
}

function writeSeed(dir: string): string {
  const path = join(dir, 'generated-seed.json');
  writeFileSync(path, JSON.stringify(generateSeed(REPORT_MAILBOXES)));
  return path;
}

/** A member of the tenant's first group, which the bot takes as its admins. */
function admin(bench: Bench) {
  const { users, groups } = bench.sim.seed;
  const user = users.find((u) => groups[0]!.members.includes(u.id));
  if (!user) throw new Error('the generated tenant has no admin');
  return { aadObjectId: user.id, name: user.displayName };
}

function summaryText(body: unknown): string {
  const attachments = (body as { attachments?: { content?: { fallbackText?: unknown } }[] } | undefined)?.attachments;
  return String(attachments?.[0]?.content?.fallbackText ?? '');
}
