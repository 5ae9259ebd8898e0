import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/adapters/store/sqlite-store';

export interface TempSqliteStore {
  readonly store: SqliteStore;
  /** The database file, for opening a second store (another "instance") on it. */
  readonly path: string;
  /** Closes the store (again, harmlessly, if the app already did) and deletes the file. */
  cleanup(): Promise<void>;
}

/** A SqliteStore on a fresh file in its own temporary directory. */
export async function tempSqliteStore(): Promise<TempSqliteStore> {
  const dir = mkdtempSync(join(tmpdir(), 'mailbox-bot-store-'));
  const path = join(dir, 'bot.sqlite');
  const store = new SqliteStore(path);
  return {
    store,
    path,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
