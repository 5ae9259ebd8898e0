import type { Deps } from './deps';
import { exportKey, storeExport, type StoredExport } from './export-links';
import { underClaim } from './under-claim';
import { AppError } from '../domain/errors';

type RetentionDeps = Pick<Deps, 'store' | 'clock'>;

interface Expiring {
  readonly id: string;
  readonly expiresAt: string;
}

/** Exports waiting to be deleted, in one document changed under a short lease. */
const INDEX = 'exports:expiring';
const LEASE = 'exports:expiring';
const LEASE_MS = 10_000;
const WAIT_MS = 50;
const ATTEMPTS = 100;

/**
 * Stores an export and schedules its deletion: the file says who can read which mailbox, so it must not outlive
 * its link. It is listed first, so a crash in between leaves a name to delete, never a file nobody will.
 */
export async function saveExport(deps: RetentionDeps, id: string, file: StoredExport): Promise<void> {
  await changeIndex(deps, async (list) => (list.some((entry) => entry.id === id) ? list : [...list, { id, expiresAt: file.expiresAt }]));
  await storeExport(deps.store, id, file);
}

/** Deletes every export whose link has expired (run by the sweep's lease holder). */
export async function deleteExpiredExports(deps: RetentionDeps): Promise<void> {
  const due = (list: readonly Expiring[]) => list.filter((entry) => Date.parse(entry.expiresAt) <= deps.clock.now().getTime());
  if (due((await deps.store.getDocument<Expiring[]>(INDEX)) ?? []).length === 0) return;
  await changeIndex(deps, async (list) => {
    const expired = due(list);
    // Files first: a crash before the shorter list is written only means deleting them again.
    await Promise.all(expired.map((entry) => deps.store.deleteDocument(exportKey(entry.id))));
    return list.filter((entry) => !expired.includes(entry));
  });
}

/** One read-change-write of the index at a time across instances. */
async function changeIndex(deps: RetentionDeps, change: (list: readonly Expiring[]) => Promise<readonly Expiring[]>): Promise<void> {
  const rewrite = async () => {
    const list = (await deps.store.getDocument<Expiring[]>(INDEX)) ?? [];
    const next = await change(list);
    if (next !== list) await deps.store.putDocument(INDEX, next);
  };
  for (let attempt = 1; !(await underClaim(deps, LEASE, rewrite, LEASE_MS)); attempt += 1) {
    if (attempt >= ATTEMPTS) throw new AppError('unavailable', 'Exports are busy right now. Please try again in a minute.');
    await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
  }
}
