import assert from 'node:assert/strict';
import type { ChangeRequest } from '../../../src/domain/change-request';
import { sealAuditEntry } from '../../../src/domain/audit-chain';
import type { Store } from '../../../src/ports';
import { documentAndLeaseContract } from './store-documents.contract';
import { aRequest, anEntry, dana, oneWinner, rejectsWith, sales, sam } from './store-fixtures';

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

    it('lists only requests awaiting their follow-up when asked', async () => {
      const result = { at: '2026-01-02T00:00:00.000Z', ok: true, steps: [], warnings: [] };
      const followUp = { leaseOwner: 'instance-a', leaseUntil: '2026-01-02T00:01:00.000Z' };
      const untoldDone = await store.createRequest(aRequest({ status: 'done', result, followUp }));
      const untoldFailed = await store.createRequest(aRequest({ status: 'failed', result: { ...result, ok: false }, followUp }));
      const toldLater = await store.createRequest(aRequest({ status: 'done', result, followUp }));
      const { followUp: _told, ...told } = toldLater;
      await store.updateRequest(told);
      const claimedLater = await store.updateRequest({ ...doneForSam, followUp });

      const awaiting = await store.listRequests({ statuses: ['done', 'failed'], awaitingFollowUp: true });
      assert.deepEqual(ids(awaiting), ids([untoldDone, untoldFailed, claimedLater]));
      assert.deepEqual(awaiting.find((r) => r.id === claimedLater.id), claimedLater);
      assert.deepEqual(ids(await store.listRequests({ statuses: ['failed'], awaitingFollowUp: true })), ids([untoldFailed]));
      assert.equal((await store.listRequests({ statuses: ['done', 'failed'] })).length, 4);
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

  documentAndLeaseContract(() => store, another);
}
