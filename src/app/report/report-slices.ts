import pLimit from 'p-limit';
import type { MailboxAccess } from '../../domain/mailbox';
import type { ReportRow } from '../../domain/tenant-report';
import type { Deps } from '../deps';
import { addressBook } from './address-book';
import { holdLease, readKey, reportKey, rowsKey, type ReportJob, type ReportRun } from './report-job';
import { newRunCache, rowsOf } from './report-rows';

/**
 * Slices reading from Exchange at once: enough `$batch`es queued to keep its three request slots busy. A slice's
 * Exchange answers are stored before it leaves this stage, so a lost instance reads at most these again.
 */
export const SLICES_READING = 3;
/** Slices whose directory lookups run side by side, overlapping one another's round trips. */
export const SLICES_IN_FLIGHT = 8;
/**
 * How far Exchange reads may run ahead of the slices being finished (500 mailboxes, a few seconds of reading): they
 * keep its slots busy while the directory lags, as it does early on, when every trustee and group is new and Graph
 * throttles. Answers read ahead are stored, so they cost no re-work after a crash.
 */
export const READ_AHEAD = 100;
const LOOKUPS_AT_ONCE = 16;

/** What Exchange answered for one slice, kept until its rows are stored. */
export interface StoredRead {
  readonly accesses: readonly MailboxAccess[];
}

/** Stored rows of one slice; an empty list still marks the slice as done (its mailboxes vanished meanwhile). */
export interface StoredSlice {
  readonly rows: readonly ReportRow[];
}

/**
 * Reads the job's next mailboxes (up to `run.chunk`), storing each slice's rows as soon as they are built, and
 * moves the job's cursor over every slice stored without a gap. False when the lease went to another instance.
 */
export async function readSlices(deps: Deps, job: ReportJob, run: ReportRun): Promise<boolean> {
  const slice = job.slice!;
  const total = job.total!;
  const end = Math.ceil(Math.min(total, job.cursor + (run.chunk ?? total)) / slice);
  const first = Math.ceil(job.cursor / slice);
  const { stored, read } = await previousRun(deps, job.id, first, Math.min(end, first + 2 * (READ_AHEAD + SLICES_IN_FLIGHT)));
  const addresses = addressBook(deps, job.id);
  const cache = run.cache ?? newRunCache();
  const reading = pLimit(SLICES_READING);
  let next = first;
  let cursorSlice = first;
  let lost = false;
  let saving = Promise.resolve();
  const checkpoint = () => {
    while (stored.has(cursorSlice)) cursorSlice += 1;
    const cursor = Math.min(total, cursorSlice * slice);
    saving = saving.then(() => deps.store.putDocument<ReportJob>(reportKey(job.id), { ...job, cursor }));
    return saving;
  };
  const readFromExchange = (n: number) => reading(async () => {
    if (lost) return [];
    const accesses = await deps.exchange.readAccessMany(await addresses(n * slice, Math.min(total, (n + 1) * slice)), { withSize: true, withAccount: true });
    await deps.store.putDocument<StoredRead>(readKey(job.id, n), { accesses });
    return accesses;
  });
  const reads = new Map<number, Promise<readonly MailboxAccess[]>>([...read].map(([n, accesses]) => [n, Promise.resolve(accesses)]));
  let unread = first;
  const readAhead = (upTo: number) => {
    for (; unread < Math.min(end, upTo); unread += 1) {
      if (stored.has(unread) || reads.has(unread)) continue;
      const answers = readFromExchange(unread);
      answers.catch(() => undefined); // its worker sees the failure; until then it is not unhandled
      reads.set(unread, answers);
    }
  };
  const worker = async () => {
    for (let n = next++; n < end && !lost; n = next++) {
      if (stored.has(n)) continue;
      readAhead(n + READ_AHEAD);
      const accesses = await reads.get(n)!;
      reads.delete(n);
      const rows = await rowsOf(deps, accesses, cache);
      if (!(await holdLease(deps, job.id, run.owner))) {
        lost = true;
        return;
      }
      await deps.store.putDocument<StoredSlice>(rowsKey(job.id, n), { rows });
      stored.add(n);
      await Promise.all([checkpoint(), deps.store.deleteDocument(readKey(job.id, n))]);
    }
  };
  await Promise.all(Array.from({ length: SLICES_IN_FLIGHT }, worker));
  if (lost) return false;
  await checkpoint();
  return true;
}

/** What a previous run left past the cursor: slices finish out of order and the cursor follows them. */
async function previousRun(deps: Deps, id: string, from: number, to: number) {
  const stored = new Set<number>();
  const read = new Map<number, readonly MailboxAccess[]>();
  const lookUp = pLimit(LOOKUPS_AT_ONCE);
  await Promise.all(Array.from({ length: Math.max(0, to - from) }, (_, i) => lookUp(async () => {
    const n = from + i;
    const [rows, answers] = await Promise.all([deps.store.getDocument<StoredSlice>(rowsKey(id, n)), deps.store.getDocument<StoredRead>(readKey(id, n))]);
    if (rows) stored.add(n);
    else if (answers) read.set(n, answers.accesses);
  })));
  return { stored, read };
}
