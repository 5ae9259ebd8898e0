import { strict as assert } from 'node:assert';
import { SqliteStore } from '../../../src/adapters/store/sqlite-store';
import { exportKey, readExport } from '../../../src/app/export-links';
import { deleteExpiredExports, saveExport } from '../../../src/app/export-retention';
import type { Store } from '../../../src/ports';
import { tempSqliteStore, type TempSqliteStore } from '../../support/temp-store';

const MINUTE_MS = 60_000;
const start = Date.parse('2026-12-01T09:00:00Z');

describe('exports are deleted once their link has expired', () => {
  let temp: TempSqliteStore;
  let now = start;
  const deps = (store: Store) => ({ store, clock: { now: () => new Date(now) } });
  const file = (minutes: number) => ({ filename: 'audit.csv', csv: 'time\r\n', expiresAt: new Date(start + minutes * MINUTE_MS).toISOString() });

  beforeEach(async () => {
    temp = await tempSqliteStore();
    now = start;
  });
  afterEach(() => temp.cleanup());

  it('does delete a file after its link expired and keep one whose link is still valid', async () => {
    await saveExport(deps(temp.store), 'soon', file(15));
    await saveExport(deps(temp.store), 'later', file(60));
    await deleteExpiredExports(deps(temp.store));
    assert.ok(await readExport(temp.store, 'soon'), 'nothing goes before its link expires');

    now = start + 16 * MINUTE_MS;
    await deleteExpiredExports(deps(temp.store));
    assert.equal(await temp.store.getDocument(exportKey('soon')), undefined);
    assert.equal((await readExport(temp.store, 'later'))?.csv, 'time\r\n');

    now = start + 61 * MINUTE_MS;
    await deleteExpiredExports(deps(temp.store));
    assert.equal(await temp.store.getDocument(exportKey('later')), undefined);
  });

  it('does delete every file when two instances save and sweep at the same time', async () => {
    const other = new SqliteStore(temp.path);
    try {
      const instances = [deps(temp.store), deps(other)];
      const ids = Array.from({ length: 20 }, (_, i) => `e${i}`);
      await Promise.all(ids.map((id, i) => saveExport(instances[i % 2]!, id, file(15))));
      now = start + 16 * MINUTE_MS;
      await Promise.all(instances.map((instance) => deleteExpiredExports(instance)));
      const left = await Promise.all(ids.map((id) => temp.store.getDocument(exportKey(id))));
      assert.deepEqual(left.filter((doc) => doc !== undefined), [], 'no export forgotten by a lost update of the list');
    } finally {
      await other.close();
    }
  });
});
