import assert from 'node:assert/strict';
import { AzureTableStore } from '../../../src/adapters/store/azure-table-store';
import { AppError } from '../../../src/domain/errors';
import { startAzurite, type RunningAzurite } from '../../support/azurite';
import { aRequest } from './store-fixtures';
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

  it('rejects with unavailable when the service cannot be reached', async () => {
    const unreachable = azurite.connectionString.replace(/127\.0\.0\.1:\d+/, '127.0.0.1:1');
    await assert.rejects(
      AzureTableStore.open(unreachable, { tablePrefix: 'gone', allowInsecureConnection: true, maxRetries: 0 }),
      (err: unknown) => err instanceof AppError && err.code === 'unavailable' && err.cause !== undefined,
    );
  });
});
