import assert from 'node:assert/strict';
import type { Store } from '../../../src/ports';
import { aCsv, MiB, rejectsWith } from './store-fixtures';

/** Documents and leases, as every Store engine must keep them; part of `storeContract`. */
export function documentAndLeaseContract(current: () => Store, another: (this: Mocha.Context) => Promise<Store>): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });

  describe('documents', () => {
    it('returns what was put, the latest value after a second put, and nothing after delete', async () => {
      await store.putDocument('settings:approvals-channel', { channelId: '19:abc@thread.tacv2' });
      await store.putDocument('settings:approvals-channel', { channelId: '19:def@thread.tacv2' });
      assert.deepEqual(await store.getDocument('settings:approvals-channel'), { channelId: '19:def@thread.tacv2' });
      await store.deleteDocument('settings:approvals-channel');
      await store.deleteDocument('settings:approvals-channel');
      assert.equal(await store.getDocument('settings:approvals-channel'), undefined);
    });

    it('keeps keys apart when they hold characters table keys forbid', async () => {
      const keys = ['card:a/b', 'card:a%2fb', 'conversation:x\\y', 'pick:#1?', 'card:tab\there', 'plain'];
      for (const [index, key] of keys.entries()) await store.putDocument(key, { index });
      for (const [index, key] of keys.entries()) assert.deepEqual(await store.getDocument(key), { index });
    });

    it('stores and reads back a document of several MiB', async () => {
      const report = { csv: aCsv(8 * MiB), rows: 3 };
      await store.putDocument('export:mailboxes', report);
      assert.deepEqual(await store.getDocument('export:mailboxes'), report);
    });

    it('returns the new value when a large document is overwritten with a small one and back', async () => {
      const large = { csv: aCsv(2 * MiB) };
      await store.putDocument('export:owners', large);
      await store.putDocument('export:owners', { csv: 'empty' });
      assert.deepEqual(await store.getDocument('export:owners'), { csv: 'empty' });
      await store.putDocument('export:owners', large);
      assert.deepEqual(await store.getDocument('export:owners'), large);
      const larger = { csv: aCsv(3 * MiB) };
      await store.putDocument('export:owners', larger);
      assert.deepEqual(await store.getDocument('export:owners'), larger);
      await store.deleteDocument('export:owners');
      assert.equal(await store.getDocument('export:owners'), undefined);
    });

    it('rejects with invalid when the key is empty or the value is not JSON', async () => {
      await rejectsWith(store.putDocument('', { a: 1 }), 'invalid');
      await rejectsWith(store.putDocument('settings:nothing', undefined), 'invalid');
    });
  });

  describe('leases', () => {
    const at = (seconds: number): Date => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));

    it('gives the lease to one holder at a time until it expires', async () => {
      assert.equal(await store.acquireLease('scheduler', 'instance-a', 30_000, at(0)), true);
      assert.equal(await store.acquireLease('scheduler', 'instance-b', 30_000, at(10)), false);
      assert.equal(await store.acquireLease('scheduler', 'instance-b', 30_000, at(30)), true);
      assert.equal(await store.acquireLease('scheduler', 'instance-a', 30_000, at(40)), false);
    });

    it('renews the lease when its holder acquires it again', async () => {
      assert.equal(await store.acquireLease('scheduler', 'instance-a', 30_000, at(0)), true);
      assert.equal(await store.acquireLease('scheduler', 'instance-a', 30_000, at(25)), true);
      assert.equal(await store.acquireLease('scheduler', 'instance-b', 30_000, at(40)), false);
    });

    it('frees the lease when its holder releases it, and ignores release by anyone else', async () => {
      await store.acquireLease('scheduler', 'instance-a', 30_000, at(0));
      await store.releaseLease('scheduler', 'instance-b');
      assert.equal(await store.acquireLease('scheduler', 'instance-b', 30_000, at(1)), false);
      await store.releaseLease('scheduler', 'instance-a');
      assert.equal(await store.acquireLease('scheduler', 'instance-b', 30_000, at(2)), true);
    });

    it('keeps leases with different names independent', async () => {
      assert.equal(await store.acquireLease('scheduler', 'instance-a', 30_000, at(0)), true);
      assert.equal(await store.acquireLease('execution:req-1', 'instance-b', 30_000, at(0)), true);
    });

    it('gives an expired lease to exactly one of two instances racing for it', async function () {
      const other = await another.call(this);
      await store.acquireLease('scheduler', 'instance-old', 1_000, at(0));
      const results = await Promise.all([
        store.acquireLease('scheduler', 'instance-a', 30_000, at(5)),
        other.acquireLease('scheduler', 'instance-b', 30_000, at(5)),
      ]);
      assert.deepEqual(results.filter(Boolean).length, 1);
    });

    it('rejects with invalid when the duration is not positive', async () => {
      await rejectsWith(store.acquireLease('scheduler', 'instance-a', 0, at(0)), 'invalid');
    });
  });
}
