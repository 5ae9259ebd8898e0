import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Deps } from '../../../src/app/deps';
import { exportKey, type StoredExport } from '../../../src/app/export-links';
import { report, reportsIdle, resumeReports } from '../../../src/app/report/report';
import { CURRENT_REPORT, REPORT_LEASE_MS, reportKey, reportStep, type ReportJob } from '../../../src/app/report/report-job';
import type { CommandOf } from '../../../src/commands/command';
import type { ReportRow } from '../../../src/domain/tenant-report';
import type { Exchange } from '../../../src/ports';
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
      readAccessMany: (identities) => {
        read.push(...identities);
        return real.readAccessMany(identities);
      },
      listSharedMailboxes: () => real.listSharedMailboxes(),
      apply: (operation) => real.apply(operation),
      mailboxSize: (identity) => real.mailboxSize(identity),
    };
    deps = {
      exchange,
      directory: tenant.directory,
      store: temp.store,
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
    finished = job.rows;
    assert.equal(finished.length, 13);
    const info = rowOf(finished, 'info@contoso.com');
    assert.ok(info.trustees.includes('Adele Vance <adele@contoso.com> full-access'), info.trustees.join('\n'));
    assert.ok(info.trustees.some((t) => /^Alex Wilber <.*> full-access via Customer Support > Support Tier 1$/.test(t)), info.trustees.join('\n'));
    assert.ok(info.findings.includes('orphaned-entry') && info.findings.includes('no-owner'));
    const events = rowOf(finished, 'events@contoso.com');
    assert.equal(events.forwarding, 'events-agency@fabrikam.com');
    assert.ok(events.externalForwarding && events.findings.includes('external-forwarding'));
    assert.equal(rowOf(finished, 'reception@contoso.com').externalForwarding, false);
    assert.ok(rowOf(finished, 'press@contoso.com').findings.includes('unreachable'));

    const [posted] = notifier.reports;
    assert.equal(posted?.userId, megan.id);
    assert.equal(posted.summary.mailboxes, 13);
    assert.equal(posted.summary.counts['external-forwarding'], 1);
    assert.match(posted.summary.url, /^https:\/\/bot\.contoso\.com\/exports\/r\d+\?exp=\d+&sig=/);
    const csv = (await deps.store.getDocument<StoredExport>(exportKey(`r${counter}`)))?.csv ?? '';
    assert.equal(csv.split('\r\n')[0], 'mailbox,address,trustees,forwarding,external forwarding,hidden,sign-in enabled,owners in bot,findings');
    assert.equal(csv.trim().split('\r\n').length, 14);
  });

  it('resumes a job whose instance stopped after a checkpoint to the same rows, re-reading no mailbox', async () => {
    const id = 'abandoned';
    const job: ReportJob = { id, requesterId: megan.id, requesterName: megan.name, startedAt: now.toISOString(), cursor: 0, rows: [], done: false };
    await deps.store.putDocument(reportKey(id), job);
    await deps.store.putDocument(CURRENT_REPORT, id);
    read.length = 0;
    assert.equal(await reportStep(deps, id, { owner: 'stopped-instance', chunk: 5 }), true);
    assert.equal(await reportStep(deps, id, { owner: 'stopped-instance', chunk: 5 }), true);
    assert.equal((await deps.store.getDocument<ReportJob>(reportKey(id)))?.cursor, 5);

    await resumeReports(deps, 'sweeper');
    await reportsIdle();
    assert.equal((await deps.store.getDocument<ReportJob>(reportKey(id)))?.done, false, 'the lease keeps the job with its instance');

    now = new Date(now.getTime() + REPORT_LEASE_MS + 1);
    await resumeReports(deps, 'sweeper');
    await reportsIdle();
    const resumed = await deps.store.getDocument<ReportJob>(reportKey(id));
    assert.ok(resumed?.done);
    const reworked = read.length - new Set(read).size;
    assert.ok(reworked <= 0.01 * resumed.rows.length, `${reworked} mailboxes read twice`);
    assert.equal(read.length, 13);
    assert.deepEqual(resumed.rows, finished);
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
