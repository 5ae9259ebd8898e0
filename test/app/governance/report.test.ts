import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Deps } from '../../../src/app/deps';
import { readExport } from '../../../src/app/export-links';
import { report, reportsIdle, resumeReports } from '../../../src/app/report/report';
import { addressPageKey, CURRENT_REPORT, REPORT_LEASE_MS, REPORT_SLICE, reportKey, reportStep, rowsKey, type ReportJob } from '../../../src/app/report/report-job';
import type { CommandOf } from '../../../src/commands/command';
import type { ReportRow } from '../../../src/domain/tenant-report';
import type { Exchange, Store } from '../../../src/ports';
import { actor, policy } from '../access/access-env';
import { RecordingLog } from '../../support/recording-log';
import { RecordingNotifier } from '../../support/recording-notifier';
import { startTenant, type Tenant } from '../../support/simulator-env';
import { tempSqliteStore, type TempSqliteStore } from '../../support/temp-store';

const DEMO_SEED = join(__dirname, '..', '..', '..', 'src', 'simulator', 'seeds', 'demo.json');
const megan = actor('7eef37dd-503c-4c1b-a78b-6fafe83c1ceb', 'Megan Bowen');
const adele = actor('f346cc9a-9f77-4ed5-a0a5-aafab74408a0', 'Adele Vance');
const ask: CommandOf<'report'> = { kind: 'report' };

describe('tenant report (demo tenant, real simulator)', () => {
  let tenant: Tenant;
  let temp: TempSqliteStore;
  let deps: Deps;
  let notifier: RecordingNotifier;
  let now: Date;
  let counter = 0;
  const read: string[] = [];
  let finished: readonly ReportRow[] = [];
  /** Every slice's rows as the job stored them (they are deleted once the CSV is built). */
  const slices = new Map<string, readonly ReportRow[]>();

  before(async () => {
    tenant = await startTenant(DEMO_SEED);
    temp = await tempSqliteStore();
    notifier = new RecordingNotifier();
    now = new Date('2026-11-25T09:00:00Z');
    const real = tenant.exchange;
    // Counts the mailboxes read, to measure the work a resumed job repeats.
    const exchange: Exchange = {
      findMailboxes: (query) => real.findMailboxes(query),
      readAccess: (identity) => real.readAccess(identity),
      readAccessMany: (identities, options) => {
        read.push(...identities);
        return real.readAccessMany(identities, options);
      },
      listSharedMailboxes: () => real.listSharedMailboxes(),
      apply: (operation) => real.apply(operation),
      mailboxSize: (identity) => real.mailboxSize(identity),
    };
    // Keeps each slice's rows as written, to compare runs after the job has cleared them away.
    const store = new Proxy(temp.store, {
      get(target, property: keyof Store) {
        if (property === 'putDocument') {
          return async (key: string, value: unknown) => {
            if (key.includes(':rows:')) slices.set(key, (value as { rows: readonly ReportRow[] }).rows);
            return target.putDocument(key, value);
          };
        }
        const member = target[property];
        return typeof member === 'function' ? member.bind(target) : member;
      },
    });
    deps = {
      exchange,
      directory: tenant.directory,
      store,
      notifier,
      clock: { now: () => now },
      log: new RecordingLog(),
      policy: { ...policy, adminGroupId: 'f57f9e56-e2b7-4a6d-9e0d-0554d1938a9a' },
      newId: () => `r${++counter}`,
      exports: { baseUrl: () => 'https://bot.contoso.com', ttlMs: 15 * 60_000 },
    };
  });

  // Each test reads the whole tenant: a fresh Exchange budget keeps the simulator from throttling the next one.
  beforeEach(async () => {
    await (await fetch(`${tenant.sim.url}/__admin/reset`, { method: 'POST' })).arrayBuffer();
  });

  after(async () => {
    await reportsIdle();
    await temp.cleanup();
    await tenant.close();
  });

  const rowsOf = (job: ReportJob): readonly ReportRow[] =>
    Array.from({ length: Math.ceil((job.total ?? 0) / (job.slice ?? 1)) }, (_, n) => {
      const rows = slices.get(rowsKey(job.id, n));
      assert.ok(rows, `slice ${n} of ${job.id} was stored`);
      return rows;
    }).flat();

  const rowOf = (rows: readonly ReportRow[], address: string): ReportRow => {
    const row = rows.find((r) => r.address === address);
    assert.ok(row, `no row for ${address}`);
    return row;
  };

  it('lists every shared mailbox with trustees, forwarding and flags when the report runs to the end', async () => {
    const started = await report(deps, megan, ask);
    assert.deepEqual(started.kind === 'report-progress' && started.progress.started, true);
    await reportsIdle();
    const job = await deps.store.getDocument<ReportJob>(reportKey(`r${counter}`));
    assert.ok(job?.done);
    finished = rowsOf(job);
    assert.equal(finished.length, 13);
    assert.equal(job.total, 13);
    assert.equal(await deps.store.getDocument(rowsKey(job.id, 0)), undefined, 'the slices are cleared once the CSV is stored');
    assert.equal(await deps.store.getDocument(addressPageKey(job.id, 0)), undefined);
    const info = rowOf(finished, 'info@contoso.com');
    assert.ok(info.trustees.includes('Adele Vance <adele@contoso.com> full-access'), info.trustees.join('\n'));
    assert.ok(info.trustees.some((t) => /^Alex Wilber <.*> full-access via Customer Support > Support Tier 1$/.test(t)), info.trustees.join('\n'));
    assert.ok(info.findings.includes('orphaned-entry') && info.findings.includes('no-owner'));
    const events = rowOf(finished, 'events@contoso.com');
    assert.equal(events.forwarding, 'events-agency@fabrikam.com');
    assert.ok(events.externalForwarding && events.findings.includes('external-forwarding'));
    assert.equal(rowOf(finished, 'reception@contoso.com').externalForwarding, false);
    assert.ok(rowOf(finished, 'press@contoso.com').findings.includes('unreachable'));
    assert.equal(rowOf(finished, 'invoices@contoso.com').sizeBytes, Math.round(49.2 * 1024 ** 3));

    const [posted] = notifier.reports;
    assert.equal(posted?.userId, megan.id);
    assert.equal(posted.summary.mailboxes, 13);
    assert.equal(posted.summary.counts['external-forwarding'], 1);
    assert.match(posted.summary.url, /^https:\/\/bot\.contoso\.com\/exports\/r\d+\?exp=\d+&sig=/);
    const csv = (await readExport(deps.store, `r${counter}`))?.csv ?? '';
    const lines = csv.trim().split('\r\n');
    assert.equal(lines[0], 'mailbox,address,trustees,forwarding,external forwarding,hidden,sign-in enabled,owners in bot,size GB,% of 50 GB,findings');
    assert.equal(lines.length, 14);
    assert.match(lines.find((line) => line.includes('invoices@contoso.com')) ?? '', /,49\.20,98,/);
  });

  it('resumes a job whose instance stopped after a checkpoint to the same rows, re-reading no mailbox', async () => {
    const id = 'abandoned';
    const job: ReportJob = { id, requesterId: megan.id, requesterName: megan.name, startedAt: now.toISOString(), cursor: 0, done: false };
    await deps.store.putDocument(reportKey(id), job);
    await deps.store.putDocument(CURRENT_REPORT, id);
    read.length = 0;
    assert.equal(await reportStep(deps, id, { owner: 'stopped-instance', chunk: 5 }), true);
    assert.equal(await reportStep(deps, id, { owner: 'stopped-instance', chunk: 5 }), true);
    assert.equal((await deps.store.getDocument<ReportJob>(reportKey(id)))?.cursor, REPORT_SLICE, 'one slice checkpointed');

    await resumeReports(deps, 'sweeper');
    await reportsIdle();
    assert.equal((await deps.store.getDocument<ReportJob>(reportKey(id)))?.done, false, 'the lease keeps the job with its instance');

    now = new Date(now.getTime() + REPORT_LEASE_MS + 1);
    await resumeReports(deps, 'sweeper');
    await reportsIdle();
    const resumed = await deps.store.getDocument<ReportJob>(reportKey(id));
    assert.ok(resumed?.done);
    const reworked = read.length - new Set(read).size;
    assert.equal(reworked, 0, `${reworked} mailboxes read twice`);
    assert.equal(read.length, 13);
    assert.deepEqual(rowsOf(resumed), finished);
    assert.equal(notifier.reports.length, 2);
  });

  it('answers the running job progress when report is asked again while it runs', async () => {
    const next = `r${counter + 1}`;
    assert.ok(await deps.store.acquireLease(`report-job:${next}`, 'other-instance', REPORT_LEASE_MS, now));
    const first = await report(deps, megan, ask);
    assert.ok(first.kind === 'report-progress' && first.progress.started);
    const again = await report(deps, megan, ask);
    assert.ok(again.kind === 'report-progress' && !again.progress.started);
    assert.equal(again.progress.requester, 'Megan Bowen');
    assert.equal(counter, Number(next.slice(1)), 'no second job was created');
    await deps.store.releaseLease(`report-job:${next}`, 'other-instance');
    await resumeReports(deps, 'sweeper');
    await reportsIdle();
    assert.ok((await deps.store.getDocument<ReportJob>(reportKey(next)))?.done);
  });

  it('refuses the report when the asker is not an admin', async () => {
    await assert.rejects(report(deps, adele, ask), /Only admins can run the tenant report/);
  });
});
