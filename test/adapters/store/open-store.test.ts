import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AzureTableStore } from '../../../src/adapters/store/azure-table-store';
import { isLocalEmulator, openStore } from '../../../src/adapters/store/open-store';
import { SqliteStore } from '../../../src/adapters/store/sqlite-store';
import { startAzurite } from '../../support/azurite';

describe('openStore', () => {
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'open-store-test-'));
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens a SQLite file and creates its folder when given sqlite:<path>', async () => {
    const path = join(dir, 'nested', 'deeper', 'bot.sqlite');
    const store = await openStore(`sqlite:${path}`);
    try {
      assert.ok(store instanceof SqliteStore);
      await store.putDocument('settings:probe', { ok: true });
      assert.ok(existsSync(path));
    } finally {
      await store.close();
    }
  });

  it('opens Azurite over plain HTTP when given azure-tables:<local connection string>', async () => {
    const azurite = await startAzurite();
    try {
      const store = await openStore(`azure-tables:${azurite.connectionString}`);
      assert.ok(store instanceof AzureTableStore);
      await store.putDocument('settings:probe', { ok: true });
      assert.deepEqual(await store.getDocument('settings:probe'), { ok: true });
      await store.close();
    } finally {
      await azurite.stop();
    }
  });

  it('names both accepted forms, without echoing the value, when the spec is unknown', async () => {
    for (const spec of ['', 'sqlite:', 'postgres://user:secret@db/bot', 'AccountKey=secret']) {
      await assert.rejects(openStore(spec), (err: unknown) => {
        assert.ok(err instanceof Error);
        assert.match(err.message, /"sqlite:<path to a file>" or "azure-tables:<storage connection string>"/);
        assert.doesNotMatch(err.message, /secret/);
        return true;
      });
    }
  });

  it('allows plain HTTP only when the table endpoint is this machine', () => {
    const withEndpoint = (endpoint: string): string =>
      `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=a2V5;TableEndpoint=${endpoint};`;
    assert.equal(isLocalEmulator(withEndpoint('http://127.0.0.1:10002/devstoreaccount1')), true);
    assert.equal(isLocalEmulator(withEndpoint('http://localhost:10002/devstoreaccount1')), true);
    assert.equal(isLocalEmulator('UseDevelopmentStorage=true'), true);
    assert.equal(isLocalEmulator(withEndpoint('https://acct.table.core.windows.net')), false);
    assert.equal(isLocalEmulator(withEndpoint('http://storage.example.com')), false);
    assert.equal(isLocalEmulator('DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=a2V5'), false);
  });
});
