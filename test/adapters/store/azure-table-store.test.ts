import assert from 'node:assert/strict';
import { RetryPolicy } from '../../../src/adapters/retry/retry-policy';
import { TableClient } from '@azure/data-tables';
import { AzureTableStore } from '../../../src/adapters/store/azure-table-store';
import { AppError } from '../../../src/domain/errors';
import { startAzurite, type RunningAzurite } from '../../support/azurite';
import { aCsv, aRequest, MiB } from './store-fixtures';
import { storeContract } from './store.contract';

describe('AzureTableStore', () => {
  let azurite: RunningAzurite;
  let runs = 0;

  before(async () => {
    azurite = await startAzurite();
  });

  after(async () => {
    await azurite.stop();
  });

  const open = (tablePrefix: string): Promise<AzureTableStore> =>
    AzureTableStore.open(azurite.connectionString, { tablePrefix, allowInsecureConnection: true });

  storeContract(async () => {
    const tablePrefix = `t${(runs += 1)}`;
    return { store: await open(tablePrefix), second: () => open(tablePrefix) };
  });

  it('finds the tables already there when a second instance opens them', async () => {
    const first = await open('shared');
    const created = await first.createRequest(aRequest());
    const second = await open('shared');
    assert.equal((await second.getRequest(created.id))?.version, created.version);
  });

  it('rejects with invalid when the table prefix makes a bad table name', async () => {
    await assert.rejects(open('bad-prefix'), (err: unknown) => err instanceof AppError && err.code === 'invalid');
  });

  it('rejects with conflict when the version is not an ETag it issued', async () => {
    const store = await open('etags');
    const created = await store.createRequest(aRequest());
    await assert.rejects(
      store.updateRequest({ ...created, version: 'W/"datetime\'2001-01-01T00%3A00%3A00.0000000Z\'"' }),
      (err: unknown) => err instanceof AppError && err.code === 'conflict',
    );
  });

  async function documentRows(tablePrefix: string): Promise<number> {
    const table = TableClient.fromConnectionString(azurite.connectionString, `${tablePrefix}documents`, {
      allowInsecureConnection: true,
    });
    let rows = 0;
    for await (const _ of table.listEntities({ queryOptions: { select: ['RowKey'] } })) rows += 1;
    return rows;
  }

  it('stores a small document as one entity and a large one as a head and its parts', async () => {
    const store = await open('docsizes');
    await store.putDocument('settings:channel', { channelId: '19:abc@thread.tacv2' });
    assert.equal(await documentRows('docsizes'), 1);
    await store.putDocument('export:mailboxes', { csv: aCsv(2 * MiB) });
    assert.ok((await documentRows('docsizes')) >= 1 + 4);
  });

  it('leaves no parts behind when a large document is overwritten or deleted', async () => {
    const store = await open('docparts');
    await store.putDocument('export:mailboxes', { csv: aCsv(2 * MiB) });
    await store.putDocument('export:mailboxes', { csv: aCsv(3 * MiB) });
    await store.putDocument('export:owners', { csv: aCsv(2 * MiB) });
    await store.putDocument('export:owners', { csv: 'small' });
    await store.deleteDocument('export:mailboxes');
    assert.equal(await documentRows('docparts'), 1);
  });

  it('sweeps parts a crash left behind once they are an hour old, and spares newer ones', async () => {
    const store = await open('docsweep');
    const table = TableClient.fromConnectionString(azurite.connectionString, 'docsweepdocuments', { allowInsecureConnection: true });
    const part = (generation: string, ageMs: number) => ({
      partitionKey: 'export', rowKey: `export:mailboxes%p${generation}-000000`, writtenAt: Date.now() - ageMs, bodyParts: 0,
    });
    await store.putDocument('export:mailboxes', { csv: aCsv(MiB) });
    await table.createEntity(part('crashed', 2 * 60 * 60 * 1000));
    await table.createEntity(part('inprogress', 60 * 1000));
    const before = await documentRows('docsweep');
    await store.putDocument('export:mailboxes', { csv: aCsv(MiB) });
    assert.equal(await documentRows('docsweep'), before - 1);
    await table.getEntity('export', 'export:mailboxes%pinprogress-000000');
  });

  it('reads the old or the new document, never a mix, while a large document is overwritten', async () => {
    const store = await open('docswitch');
    const reader = await open('docswitch');
    const versions = [{ csv: aCsv(2 * MiB), version: 0 }, { csv: aCsv(2 * MiB).toUpperCase(), version: 1 }];
    await store.putDocument('export:mailboxes', versions[0]);
    let written = false;
    const writing = store.putDocument('export:mailboxes', versions[1]).then(() => (written = true));
    const reads: ({ version: number } | undefined)[] = [];
    while (!written) reads.push(await reader.getDocument<{ version: number }>('export:mailboxes'));
    await writing;
    assert.ok(reads.length >= 2, `only ${reads.length} reads`);
    for (const read of reads) assert.deepEqual(read, versions[read?.version ?? -1]);
    assert.deepEqual(await reader.getDocument('export:mailboxes'), versions[1]);
  });

  it('rejects with unavailable when the service cannot be reached', async () => {
    const unreachable = azurite.connectionString.replace(/127\.0\.0\.1:\d+/, '127.0.0.1:1');
    await assert.rejects(
      AzureTableStore.open(unreachable, { tablePrefix: 'gone', allowInsecureConnection: true, retry: new RetryPolicy({ maxAttempts: 1 }) }),
      (err: unknown) => err instanceof AppError && err.code === 'unavailable' && err.cause !== undefined,
    );
  });
});
