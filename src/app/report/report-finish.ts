import pLimit from 'p-limit';
import { reportCsv, summariseReport, type ReportRow } from '../../domain/tenant-report';
import type { Deps } from '../deps';
import { signedExportUrl, type StoredExport } from '../export-links';
import { saveExport } from '../export-retention';
import { ADDRESS_PAGE, addressPageKey, reportKey, rowsKey, type ReportJob } from './report-job';
import type { StoredSlice } from './report-slices';

const DELETES_AT_ONCE = 8;

const sliceCount = (job: ReportJob): number => Math.ceil((job.total ?? 0) / (job.slice ?? 1));

/** Every row of the job in listing order, or the first slice whose rows are not stored. */
export async function reportRows(deps: Deps, job: ReportJob): Promise<ReportRow[] | { readonly missing: number }> {
  const stored = await Promise.all(Array.from({ length: sliceCount(job) }, (_, n) => deps.store.getDocument<StoredSlice>(rowsKey(job.id, n))));
  const missing = stored.findIndex((slice) => slice === undefined);
  return missing >= 0 ? { missing } : stored.flatMap((slice) => slice!.rows);
}

/**
 * Builds the CSV and the summary from the stored slices, marks the job done and tells the asker. False when a
 * slice's rows are gone: the cursor moves back to read it again.
 */
export async function finishReport(deps: Deps, job: ReportJob): Promise<boolean> {
  const rows = await reportRows(deps, job);
  if (!Array.isArray(rows)) {
    await deps.store.putDocument<ReportJob>(reportKey(job.id), { ...job, cursor: rows.missing * (job.slice ?? 1) });
    return false;
  }
  const links = deps.exports;
  const now = deps.clock.now();
  const expiresMs = now.getTime() + (links?.ttlMs ?? 0);
  const stored: StoredExport = {
    filename: `shared-mailboxes-${now.toISOString().slice(0, 10)}.csv`,
    csv: reportCsv(rows),
    expiresAt: new Date(expiresMs).toISOString(),
  };
  await saveExport(deps, job.id, stored);
  const url = links ? await signedExportUrl(deps.store, links, job.id, expiresMs) : '';
  await deps.store.putDocument<ReportJob>(reportKey(job.id), { ...job, done: true });
  await deps.notifier.reportReady(job.requesterId, summariseReport(rows, url, stored.expiresAt));
  await forgetWork(deps, job);
  return true;
}

/** The slices and the listing are in the CSV now; only the job's counters stay, as a record that it ran. */
async function forgetWork(deps: Deps, job: ReportJob): Promise<void> {
  const pages = Math.ceil((job.total ?? 0) / ADDRESS_PAGE);
  const keys = [...Array.from({ length: sliceCount(job) }, (_, n) => rowsKey(job.id, n)), ...Array.from({ length: pages }, (_, n) => addressPageKey(job.id, n))];
  const deleting = pLimit(DELETES_AT_ONCE);
  await Promise.all(keys.map((key) => deleting(() => deps.store.deleteDocument(key))));
}
