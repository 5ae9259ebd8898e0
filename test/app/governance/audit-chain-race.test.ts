import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { SqliteStore } from '../../../src/adapters/store/sqlite-store';
import type { Deps } from '../../../src/app/deps';
import { recordAudit } from '../../../src/app/requests/audit';
import { verifyChain } from '../../../src/domain/audit-chain';
import { tempSqliteStore, type TempSqliteStore } from '../../support/temp-store';

describe('audit chain with two instances', () => {
  let temp: TempSqliteStore;
  let second: SqliteStore;

  beforeEach(async () => {
    temp = await tempSqliteStore();
    second = new SqliteStore(temp.path);
  });

  afterEach(async () => {
    await second.close();
    await temp.cleanup();
  });

  const instance = (store: SqliteStore): Deps =>
    ({ store, newId: () => randomUUID(), clock: { now: () => new Date() } }) as unknown as Deps;

  it('keeps one unforked chain when two instances record entries for a mailbox at once', async () => {
    const mailbox = { id: 'mb-info', displayName: 'Info', address: 'info@contoso.com' };
    const actor = { kind: 'user' as const, id: 'u', displayName: 'U', address: 'u@contoso.com' };
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        recordAudit(instance(i % 2 === 0 ? temp.store : second), mailbox, { actor, action: `step ${i}`, detail: '' }),
      ),
    );
    const entries = await temp.store.listAudit('mb-info', 100);
    assert.equal(entries.length, 20);
    assert.deepEqual(verifyChain(entries), { checked: 20, unchained: 0 });
  });
});
