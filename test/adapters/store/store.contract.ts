import assert from 'node:assert/strict';
import type { ChangeRequest } from '../../../src/domain/change-request';
import { sealAuditEntry } from '../../../src/domain/audit-chain';
import type { Store } from '../../../src/ports';
import { aCsv, aRequest, anEntry, dana, MiB, oneWinner, rejectsWith, sales, sam } from './store-fixtures';

export interface StoreUnderTest {
  readonly store: Store;
  /** Another store on the same backing storage, like a second bot instance. */
  readonly second?: () => Promise<Store>;
}

/** The behaviour every Store engine must share; call inside the engine's describe. */
export function storeContract(make: () => Promise<StoreUnderTest>): void {
  let store: Store;
  let opened: Store[] = [];
  let secondStore: (() => Promise<Store>) | undefined;

  beforeEach(async () => {
    const made = await make();
    store = made.store;
    opened = [store];
    secondStore = made.second;
  });

  afterEach(async () => {
    for (const each of opened) await each.close();
  });

  async function another(this: Mocha.Context): Promise<Store> {
    if (secondStore === undefined) this.skip();
    const other = await secondStore();
    opened.push(other);
    return other;
  }

  describe('requests', () => {
    it('returns the stored request with a version when it is created and read back', async () => {
      const created = await store.createRequest(aRequest({ reason: 'covering for Ana', decision: undefined }));
      assert.equal(typeof created.version, 'string');
      assert.deepEqual(await store.getRequest(created.id), created);
    });

    it('returns undefined when the request does not exist', async () => {
      assert.equal(await store.getRequest('no-such-request'), undefined);
    });

    it('rejects with conflict when a request id is created twice', async () => {
      const request = aRequest();
      await store.createRequest(request);
      await rejectsWith(store.createRequest(request), 'conflict');
    });

    it('saves the change and returns a new version when updated with the current version', async () => {
      const created = await store.createRequest(aRequest());
      const decision = { verdict: 'approved' as const, by: dana, at: '2026-01-02T00:00:00.000Z' };
      const updated = await store.updateRequest({ ...created, status: 'approved', decision });
      assert.notEqual(updated.version, created.version);
      assert.deepEqual(await store.getRequest(created.id), updated);
      assert.equal(updated.decision?.by.displayName, 'Dana Reyes');
    });

    it('rejects with conflict when updated with a stale version', async () => {
      const created = await store.createRequest(aRequest());
      await store.updateRequest({ ...created, status: 'approved' });
      await rejectsWith(store.updateRequest({ ...created, status: 'rejected' }), 'conflict');
      assert.equal((await store.getRequest(created.id))?.status, 'approved');
    });

    it('rejects with not-found when the updated request does not exist', async () => {
      const created = await store.createRequest(aRequest());
      await rejectsWith(store.updateRequest({ ...created, id: 'missing-request' }), 'not-found');
    });

    it('lets exactly one of two concurrent updates from the same version win', async () => {
      const created = await store.createRequest(aRequest());
      const results = await Promise.allSettled([
        store.updateRequest({ ...created, status: 'approved' }),
        store.updateRequest({ ...created, status: 'rejected' }),
      ]);
      oneWinner(results);
      const winner = results.find((result) => result.status === 'fulfilled');
      assert.deepEqual(await store.getRequest(created.id), winner?.value);
    });

    it('lets exactly one of two store instances win when both update from the same version', async function () {
      const other = await another.call(this);
      const created = await store.createRequest(aRequest());
      const seenByOther = await other.getRequest(created.id);
      assert.ok(seenByOther);
      oneWinner(
        await Promise.allSettled([
          store.updateRequest({ ...created, status: 'approved' }),
          other.updateRequest({ ...seenByOther, status: 'rejected' }),
        ]),
      );
    });

    it('lets exactly one of 50 concurrent conditional updates win', async () => {
      const created = await store.createRequest(aRequest());
      const attempts = Array.from({ length: 50 }, (_, index) =>
        store.updateRequest({ ...created, reason: `attempt ${index}` }),
      );
      oneWinner(await Promise.allSettled(attempts));
    });

    it('keeps a request larger than 64 KiB intact', async () => {
      const steps = Array.from(
        { length: 900 },
        (_, index) => `Add-MailboxPermission -Identity info@contoso.com -User zoë.müller@contoso.com 😀 step ${index}`,
      );
      const created = await store.createRequest(
        aRequest({ status: 'done', result: { at: '2026-01-02T00:00:00.000Z', ok: true, steps, warnings: [] } }),
      );
      assert.deepEqual((await store.getRequest(created.id))?.result?.steps, steps);
    });
  });

  describe('listRequests', () => {
    let pending: ChangeRequest;
    let approvedForSales: ChangeRequest;
    let doneForSam: ChangeRequest;

    beforeEach(async () => {
      pending = await store.createRequest(aRequest({ approverIds: [dana.id] }));
      approvedForSales = await store.createRequest(
        aRequest({ status: 'approved', mailboxId: 'mb-sales', approverIds: [dana.id, sam.id] }),
      );
      doneForSam = await store.createRequest(aRequest({ status: 'done', approverIds: [sam.id] }));
    });

    const ids = (requests: readonly ChangeRequest[]): string[] => requests.map((request) => request.id).sort();

    it('returns every request when the filter is empty', async () => {
      assert.deepEqual(ids(await store.listRequests({})), ids([pending, approvedForSales, doneForSam]));
    });

    it('returns requests in any of the given statuses when filtered by status', async () => {
      const found = await store.listRequests({ statuses: ['pending', 'approved'] });
      assert.deepEqual(ids(found), ids([pending, approvedForSales]));
      assert.deepEqual(await store.listRequests({ statuses: [] }), []);
    });

    it('returns the requests a person may decide when filtered by approver', async () => {
      assert.deepEqual(ids(await store.listRequests({ approverId: sam.id })), ids([approvedForSales, doneForSam]));
      assert.deepEqual(await store.listRequests({ approverId: 'u-nobody' }), []);
    });

    it('returns the requests on one mailbox when filtered by mailbox', async () => {
      assert.deepEqual(ids(await store.listRequests({ mailboxId: 'mb-sales' })), ids([approvedForSales]));
    });

    it('combines filters when several are given', async () => {
      const filter = { statuses: ['pending', 'done'] as const, approverId: sam.id, mailboxId: 'mb-info' };
      const found = await store.listRequests(filter);
      assert.deepEqual(ids(found), ids([doneForSam]));
    });

    it('follows status changes when a request is updated', async () => {
      await store.updateRequest({ ...pending, status: 'approved', approverIds: [sam.id] });
      assert.deepEqual(ids(await store.listRequests({ statuses: ['pending'] })), []);
      assert.deepEqual(ids(await store.listRequests({ approverId: dana.id })), ids([approvedForSales]));
    });
  });

  describe('audit', () => {
    it('returns entries newest first, per mailbox, up to the limit', async () => {
      await store.appendAudit(anEntry('mb-info', '2026-01-01T10:00:00.000Z', 'requested'));
      await store.appendAudit(anEntry('mb-info', '2026-01-01T12:00:00.000Z', 'executed'));
      await store.appendAudit(anEntry('mb-info', '2026-01-01T11:00:00.000Z', 'approved'));
      await store.appendAudit(anEntry('mb-sales', '2026-01-01T13:00:00.000Z', 'other mailbox'));
      const actions = async (limit: number): Promise<string[]> =>
        (await store.listAudit('mb-info', limit)).map((entry) => entry.action);
      assert.deepEqual(await actions(10), ['executed', 'approved', 'requested']);
      assert.deepEqual(await actions(2), ['executed', 'approved']);
      assert.deepEqual(await store.listAudit('mb-none', 10), []);
    });

    it('puts the later append first when two entries share a time', async () => {
      await store.appendAudit(anEntry('mb-info', '2026-01-01T10:00:00.000Z', 'first'));
      await store.appendAudit(anEntry('mb-info', '2026-01-01T10:00:00.000Z', 'second'));
      assert.deepEqual((await store.listAudit('mb-info', 10)).map((entry) => entry.action), ['second', 'first']);
    });

    it('keeps the first entry when the same entry id is appended again', async () => {
      const entry = anEntry('mb-info', '2026-01-01T10:00:00.000Z', 'executed', 'audit-once');
      await store.appendAudit(entry);
      await store.appendAudit({ ...entry, at: '2026-01-01T11:00:00.000Z', detail: 'retried' });
      assert.deepEqual(await store.listAudit('mb-info', 10), [entry]);
    });

    it('moves the chain head with each chained entry and rejects a stale previous hash with conflict', async () => {
      assert.equal(await store.auditHead('mb-info'), '');
      const first = sealAuditEntry(anEntry('mb-info', '2026-01-01T10:00:00.000Z', 'requested'), '');
      await store.appendAudit(first);
      await store.appendAudit(anEntry('mb-info', '2026-01-01T10:30:00.000Z', 'unchained'));
      assert.equal(await store.auditHead('mb-info'), first.hash);
      await rejectsWith(store.appendAudit(sealAuditEntry(anEntry('mb-info', '2026-01-01T11:00:00.000Z', 'stale'), '')), 'conflict');
      const second = sealAuditEntry(anEntry('mb-info', '2026-01-01T11:00:00.000Z', 'approved'), first.hash!);
      await store.appendAudit(second);
      await store.appendAudit(second);
      assert.equal(await store.auditHead('mb-info'), second.hash);
      assert.equal(await store.auditHead('mb-sales'), '');
      assert.deepEqual((await store.listAudit('mb-info', 10)).map((e) => e.action), ['approved', 'unchained', 'requested']);
    });

    it('lets exactly one of two store instances extend the chain from the same head', async function () {
      const other = await another.call(this);
      const first = sealAuditEntry(anEntry('mb-info', '2026-01-01T10:00:00.000Z', 'requested'), '');
      await store.appendAudit(first);
      oneWinner(
        await Promise.allSettled([
          store.appendAudit(sealAuditEntry(anEntry('mb-info', '2026-01-01T11:00:00.000Z', 'approved'), first.hash!)),
          other.appendAudit(sealAuditEntry(anEntry('mb-info', '2026-01-01T11:00:00.000Z', 'rejected'), first.hash!)),
        ]),
      );
      assert.equal((await store.listAudit('mb-info', 10)).length, 2);
    });

    it('rejects with invalid when the entry time is not a date', async () => {
      await rejectsWith(store.appendAudit(anEntry('mb-info', 'yesterday', 'bad')), 'invalid');
    });
  });

  describe('owners', () => {
    it('adds an owner once however often it is added, and keeps the latest name', async () => {
      await store.addOwner('mb-info', dana);
      await store.addOwner('mb-info', { ...dana, displayName: 'Dana R.' });
      await store.addOwner('mb-info', sales);
      const owners = [...(await store.getOwners('mb-info'))].sort((a, b) => a.id.localeCompare(b.id));
      assert.deepEqual(owners, [sales, { ...dana, displayName: 'Dana R.' }]);
      assert.deepEqual(await store.getOwners('mb-sales'), []);
    });

    it('removes an owner, and does nothing when removing one that is not there', async () => {
      await store.addOwner('mb-info', dana);
      await store.removeOwner('mb-info', dana.id);
      await store.removeOwner('mb-info', dana.id);
      assert.deepEqual(await store.getOwners('mb-info'), []);
    });
  });

  describe('automapping', () => {
    it('remembers the last setting per user and forgets it on request', async () => {
      await store.recordAutomapping('mb-info', dana.id, true);
      await store.recordAutomapping('mb-info', sam.id, true);
      await store.recordAutomapping('mb-info', sam.id, false);
      await store.recordAutomapping('mb-sales', dana.id, false);
      assert.deepEqual(await store.automappingOf('mb-info'), new Map([[dana.id, true], [sam.id, false]]));
      await store.forgetAutomapping('mb-info', dana.id);
      await store.forgetAutomapping('mb-info', dana.id);
      assert.deepEqual(await store.automappingOf('mb-info'), new Map([[sam.id, false]]));
    });
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
