import assert from 'node:assert/strict';
import { SqliteStore } from '../../../src/adapters/store/sqlite-store';
import { exportKey, openSignedExport, signedExportUrl, storeExport } from '../../../src/app/export-links';
import { tempSqliteStore, type TempSqliteStore } from '../../support/temp-store';

describe('signed export links', () => {
  let temp: TempSqliteStore;
  const now = new Date('2026-11-25T12:00:00.000Z');
  const expires = now.getTime() + 15 * 60_000;
  const links = { baseUrl: () => 'https://bot.contoso.com/', ttlMs: 15 * 60_000 };

  beforeEach(async () => {
    temp = await tempSqliteStore();
    await temp.store.putDocument(exportKey('x1'), { filename: 'a.csv', csv: 'time\r\n', expiresAt: new Date(expires).toISOString() });
  });

  afterEach(async () => {
    await temp.cleanup();
  });

  const partsOf = (url: string) => {
    const parsed = new URL(url);
    return { id: parsed.pathname.split('/').at(-1)!, exp: parsed.searchParams.get('exp')!, sig: parsed.searchParams.get('sig')! };
  };

  it('opens the export when the link is signed and unexpired', async () => {
    const url = await signedExportUrl(temp.store, links, 'x1', expires);
    assert.match(url, /^https:\/\/bot\.contoso\.com\/exports\/x1\?exp=\d+&sig=[\w-]+$/);
    const { id, exp, sig } = partsOf(url);
    assert.equal((await openSignedExport(temp.store, id, exp, sig, now))?.filename, 'a.csv');
  });

  it('refuses the link once it has expired', async () => {
    const { id, exp, sig } = partsOf(await signedExportUrl(temp.store, links, 'x1', expires));
    assert.equal(await openSignedExport(temp.store, id, exp, sig, new Date(expires + 1)), undefined);
  });

  it('refuses a link signed for another export or with a forged signature', async () => {
    const { exp, sig } = partsOf(await signedExportUrl(temp.store, links, 'x1', expires));
    assert.equal(await openSignedExport(temp.store, 'x2', exp, sig, now), undefined);
    assert.equal(await openSignedExport(temp.store, 'x1', exp, sig.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')), now), undefined);
    assert.equal(await openSignedExport(temp.store, '../x1', exp, sig, now), undefined);
  });

  it('verifies a link signed by another instance sharing the store', async () => {
    const { id, exp, sig } = partsOf(await signedExportUrl(temp.store, links, 'x1', expires));
    const other = new SqliteStore(temp.path);
    try {
      assert.equal((await openSignedExport(other, id, exp, sig, now))?.csv, 'time\r\n');
    } finally {
      await other.close();
    }
  });

  it('serves the whole file when the export is larger than a table entity holds', async () => {
    const csv = `mailbox\r\n${'x'.repeat(3 * 1024 * 1024 + 17)}\r\n`;
    await storeExport(temp.store, 'big', { filename: 'big.csv', csv, expiresAt: new Date(expires).toISOString() });
    const { id, exp, sig } = partsOf(await signedExportUrl(temp.store, links, 'big', expires));
    assert.equal((await openSignedExport(temp.store, id, exp, sig, now))?.csv, csv);
  });
});
