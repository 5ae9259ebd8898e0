import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { tempSqliteStore } from '../../support/temp-store';

describe('tempSqliteStore', () => {
  it('gives a working store on a fresh file and deletes it on cleanup, even after the store was closed', async () => {
    const temp = await tempSqliteStore();
    await temp.store.putDocument('settings:probe', { ok: true });
    assert.deepEqual(await temp.store.getDocument('settings:probe'), { ok: true });
    assert.ok(existsSync(temp.path));
    await temp.store.close();
    await temp.cleanup();
    assert.equal(existsSync(temp.path), false);
  });
});
