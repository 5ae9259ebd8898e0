import { randomUUID } from 'node:crypto';
import pLimit from 'p-limit';
import { buildAccessReport } from '../../domain/build-access-report';
import type { GroupMember, Trustee } from '../../domain/directory';
import { reportCsv, reportRow, summariseReport, type ReportRow } from '../../domain/tenant-report';
import type { Deps } from '../deps';
import { exportKey, signedExportUrl, type StoredExport } from '../export-links';

/** The job as stored under `report:<id>`: listed once, then checkpointed after every chunk. */
export interface ReportJob {
  readonly id: string;
  readonly requesterId: string;
  readonly requesterName: string;
  readonly startedAt: string;
  readonly addresses?: readonly string[];
  readonly cursor: number;
  readonly rows: readonly ReportRow[];
  readonly done: boolean;
}

export const CURRENT_REPORT = 'report:current';
export const reportKey = (id: string): string => `report:${id}`;
/** Checkpoint at least every this many mailboxes, so a lost instance costs at most one chunk of re-work. */
export const REPORT_CHUNK = 100;
/** Long enough for one chunk; a job whose lease lapses belongs to whichever sweep takes it next. */
export const REPORT_LEASE_MS = 5 * 60_000;
const CONCURRENCY = 4;

/** This process, as the holder of a report lease taken from a chat turn. */
export const LOCAL_OWNER = `report-${randomUUID()}`;

export interface ReportRun {
  readonly owner: string;
  readonly chunk?: number;
  /** Group expansions already done in this run: each group is expanded once for the whole report. */
  readonly groups?: Map<string, readonly GroupMember[]>;
}

const leaseOf = (id: string): string => `report-job:${id}`;

/** One unit of work (listing, or one chunk of mailboxes), checkpointed. False once there is nothing left. */
export async function reportStep(deps: Deps, id: string, run: ReportRun): Promise<boolean> {
  if (!(await deps.store.acquireLease(leaseOf(id), run.owner, REPORT_LEASE_MS, deps.clock.now()))) return false;
  const job = await deps.store.getDocument<ReportJob>(reportKey(id));
  if (!job || job.done) return false;
  if (!job.addresses) {
    const addresses = (await deps.exchange.listSharedMailboxes()).map((m) => m.address);
    await deps.store.putDocument<ReportJob>(reportKey(id), { ...job, addresses });
    return true;
  }
  const chunk = job.addresses.slice(job.cursor, job.cursor + (run.chunk ?? REPORT_CHUNK));
  if (chunk.length === 0) {
    await finish(deps, job);
    return false;
  }
  const rows = await chunkRows(deps, chunk, run.groups ?? new Map());
  await deps.store.putDocument<ReportJob>(reportKey(id), { ...job, cursor: job.cursor + chunk.length, rows: [...job.rows, ...rows] });
  return true;
}

/** Runs the job to its end (unless another instance holds it), then tells the asker. */
export async function runReport(deps: Deps, id: string, run: ReportRun): Promise<void> {
  const groups = run.groups ?? new Map<string, readonly GroupMember[]>();
  while (await reportStep(deps, id, { ...run, groups }));
  await deps.store.releaseLease(leaseOf(id), run.owner);
}

async function chunkRows(deps: Deps, addresses: readonly string[], groups: Map<string, readonly GroupMember[]>): Promise<ReportRow[]> {
  const accesses = await deps.exchange.readAccessMany(addresses);
  const names = [...new Set(accesses.flatMap((a) => a.grants.map((g) => g.trustee)))];
  const trustees = names.length > 0 ? await deps.directory.resolveTrustees(names) : new Map<string, Trustee>();
  const fresh = [...new Set([...trustees.values()].flatMap((t) => (t.kind === 'group' && !groups.has(t.group.id) ? [t.group.id] : [])))];
  if (fresh.length > 0) for (const [groupId, members] of await deps.directory.expandGroups(fresh)) groups.set(groupId, members);
  const limit = pLimit(CONCURRENCY);
  return Promise.all(
    accesses.map((access) =>
      limit(async () => {
        const { mailbox } = access;
        const [accountEnabled, owners] = await Promise.all([
          mailbox.id !== '' ? deps.directory.accountEnabled(mailbox.id) : Promise.resolve(undefined),
          deps.store.getOwners(mailbox.id),
        ]);
        const report = buildAccessReport({
          access,
          trustees,
          members: groups,
          automapping: new Map(),
          accountEnabled,
          internalDomains: deps.policy.internalDomains,
        });
        return reportRow(report, owners.length);
      }),
    ),
  );
}

async function finish(deps: Deps, job: ReportJob): Promise<void> {
  const links = deps.exports;
  const now = deps.clock.now();
  const expiresMs = now.getTime() + (links?.ttlMs ?? 0);
  const stored: StoredExport = {
    filename: `shared-mailboxes-${now.toISOString().slice(0, 10)}.csv`,
    csv: reportCsv(job.rows),
    expiresAt: new Date(expiresMs).toISOString(),
  };
  await deps.store.putDocument(exportKey(job.id), stored);
  const url = links ? await signedExportUrl(deps.store, links, job.id, expiresMs) : '';
  await deps.store.putDocument<ReportJob>(reportKey(job.id), { ...job, done: true });
  await deps.notifier.reportReady(job.requesterId, summariseReport(job.rows, url, stored.expiresAt));
}
