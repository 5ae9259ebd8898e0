import { randomUUID } from 'node:crypto';
import type { Deps } from '../deps';
import { finishReport } from './report-finish';
import { newRunCache, type RunCache } from './report-rows';
import { readSlices } from './report-slices';

/**
 * The job as stored under `report:<id>`: counters only, so every checkpoint is a small write whatever the tenant's
 * size. The listed addresses live in `report:<id>:addresses:<page>`, each slice's rows in `report:<id>:rows:<slice>`.
 */
export interface ReportJob {
  readonly id: string;
  readonly requesterId: string;
  readonly requesterName: string;
  readonly startedAt: string;
  /** Shared mailboxes listed; undefined until they have been. */
  readonly total?: number;
  /** Mailboxes per slice, fixed when listed so a resumed job cuts the same slices. */
  readonly slice?: number;
  /** Mailboxes done without a gap from the first: every slice before `cursor / slice` has its rows stored. */
  readonly cursor: number;
  readonly done: boolean;
}

export const CURRENT_REPORT = 'report:current';
export const reportKey = (id: string): string => `report:${id}`;
export const addressPageKey = (id: string, page: number): string => `report:${id}:addresses:${page}`;
export const readKey = (id: string, slice: number): string => `report:${id}:read:${slice}`;
export const rowsKey = (id: string, slice: number): string => `report:${id}:rows:${slice}`;
/**
 * Mailboxes per checkpoint. A few slices read from Exchange side by side to keep it busy, so a lost instance
 * reads at most those again (REPORT_SLICE × SLICES_READING mailboxes).
 */
export const REPORT_SLICE = 5;
/** Addresses per stored page of the listing (~40 characters each). */
export const ADDRESS_PAGE = 1000;
/** Default lease; renewed at every checkpoint. A job whose lease lapses belongs to whichever sweep takes it next. */
export const REPORT_LEASE_MS = 5 * 60_000;

/** This process, as the holder of a report lease taken from a chat turn. */
export const LOCAL_OWNER = `report-${randomUUID()}`;

export interface ReportRun {
  readonly owner: string;
  /** Mailboxes to read in this step at most (default: all that are left). */
  readonly chunk?: number;
  /** Directory lookups already done in this run: each trustee is resolved and each group expanded once. */
  readonly cache?: RunCache;
}

export const leaseOf = (id: string): string => `report-job:${id}`;
export const reportLeaseMs = (deps: Deps): number => deps.policy.reportLeaseMs ?? REPORT_LEASE_MS;

/** Takes or renews the job's lease; false when another instance holds it. */
export function holdLease(deps: Deps, id: string, owner: string): Promise<boolean> {
  return deps.store.acquireLease(leaseOf(id), owner, reportLeaseMs(deps), deps.clock.now());
}

/** One unit of work (the listing, or up to `chunk` mailboxes checkpointed slice by slice). False once there is nothing left. */
export async function reportStep(deps: Deps, id: string, run: ReportRun): Promise<boolean> {
  if (!(await holdLease(deps, id, run.owner))) return false;
  const job = await deps.store.getDocument<ReportJob>(reportKey(id));
  if (!job || job.done) return false;
  if (job.total === undefined || job.slice === undefined) {
    await listMailboxes(deps, job);
    return true;
  }
  if (job.cursor >= job.total) return !(await finishReport(deps, job));
  return readSlices(deps, job, { ...run, cache: run.cache ?? newRunCache() });
}

/** Runs the job to its end (unless another instance holds it), then tells the asker. */
export async function runReport(deps: Deps, id: string, run: ReportRun): Promise<void> {
  const cache = run.cache ?? newRunCache();
  while (await reportStep(deps, id, { ...run, cache }));
  await deps.store.releaseLease(leaseOf(id), run.owner);
}

async function listMailboxes(deps: Deps, job: ReportJob): Promise<void> {
  const addresses = (await deps.exchange.listSharedMailboxes()).map((m) => m.address);
  const pages: string[][] = [];
  for (let start = 0; start < addresses.length; start += ADDRESS_PAGE) pages.push(addresses.slice(start, start + ADDRESS_PAGE));
  await Promise.all(pages.map((page, index) => deps.store.putDocument(addressPageKey(job.id, index), page)));
  // Listing again (a job from before slices, or a lost listing) starts the reading over.
  await deps.store.putDocument<ReportJob>(reportKey(job.id), {
    id: job.id,
    requesterId: job.requesterId,
    requesterName: job.requesterName,
    startedAt: job.startedAt,
    total: addresses.length,
    slice: REPORT_SLICE,
    cursor: 0,
    done: false,
  });
}
