import { strict as assert } from 'node:assert';
import { decide, expirePending, requestGrant } from '../../../src/app/requests';
import type { ChangeRequest } from '../../../src/domain/change-request';
import { SqliteStore } from '../../../src/adapters/store/sqlite-store';
import { actor, freshHarnessForEachTest, INFO_ID, people, writes, type Harness } from './harness';

const ADDS = ['Add-MailboxPermission', 'Add-RecipientPermission'];
const adele = { kind: 'user' as const, id: people.adele.id, displayName: 'Adele Vance', address: 'adele@contoso.com' };

async function approvedRequest(h: Harness, person = 'bob@contoso.com'): Promise<ChangeRequest> {
  const outcome = await requestGrant(h.deps, actor(people.dana), {
    kind: 'request-grant', person, mailbox: 'info@', rights: ['full-access', 'send-as'], automapping: true,
  });
  if (outcome.kind !== 'request-created') throw new Error(`expected a request, got ${outcome.kind}`);
  await h.tenant.clearJournal();
  const at = h.clock.now().toISOString();
  return h.temp.store.updateRequest({
    ...outcome.request,
    status: 'approved',
    decision: { verdict: 'approved', by: adele, at },
    execution: { attempts: 0 },
  });
}

/** Polls the store until the request reaches `status` (the executor runs on its own). */
async function waitForStatus(h: Harness, requestId: string, status: ChangeRequest['status']): Promise<void> {
  for (let tries = 0; (await h.temp.store.getRequest(requestId))?.status !== status; tries++) {
    if (tries > 200) throw new Error(`request never became ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('request executor', () => {
  let h: Harness;
  freshHarnessForEachTest((started) => (h = started));

  it('runs a request once when two instances race for it', async () => {
    const request = await approvedRequest(h);
    const otherStore = new SqliteStore(h.temp.path);
    try {
      const other = h.executorFor('instance-b', { ...h.deps, store: otherStore });

      const results = await Promise.all([h.executor.run(request.id), other.run(request.id), h.executor.run(request.id)]);

      assert.equal(results.filter((r) => r !== undefined).length, 1);
      assert.deepEqual(writes(await h.cmdlets()), ADDS);
      assert.equal((await h.temp.store.getRequest(request.id))?.status, 'done');
    } finally {
      await otherStore.close();
    }
  });

  it('finishes an execution abandoned by a crashed instance once its lease runs out, exactly once', async () => {
    const approved = await approvedRequest(h);
    const leaseUntil = new Date(h.clock.now().getTime() + 60_000).toISOString();
    await h.temp.store.updateRequest({ ...approved, status: 'executing', execution: { attempts: 0, leaseOwner: 'crashed', leaseUntil } });

    assert.equal(await h.executor.resumePending(), 0);
    h.clock.advance(61_000);
    const resumed = await h.executor.resumePending();
    const again = await h.executor.resumePending();

    assert.deepEqual([resumed, again], [1, 0]);
    assert.deepEqual(writes(await h.cmdlets()), ADDS);
    assert.equal((await h.temp.store.getRequest(approved.id))?.status, 'done');
    assert.equal((await h.temp.store.listAudit(INFO_ID, 10)).filter((e) => e.action === 'executed').length, 1);
    assert.deepEqual(h.notifier.changesOf(approved.id), ['done']);
  });

  it('makes only the calls a crashed instance had not finished when it takes the execution over', async () => {
    const approved = await approvedRequest(h);
    const progress = { steps: ['Add-MailboxPermission: Full Access for Bob'], warnings: ['noted before the crash'] };
    const leaseUntil = h.clock.now().toISOString();
    await h.temp.store.updateRequest({ ...approved, status: 'executing', execution: { attempts: 0, leaseOwner: 'crashed', leaseUntil, progress } });

    assert.equal(await h.executor.resumePending(), 1);

    assert.deepEqual(writes(await h.cmdlets()), ['Add-RecipientPermission']);
    const done = await h.temp.store.getRequest(approved.id);
    assert.equal(done?.status, 'done');
    assert.equal(done?.result?.steps.length, 2);
    assert.ok(done?.result?.warnings.includes('noted before the crash'));
  });

  it('does not run a request again when its lease runs out while this instance is still executing it', async () => {
    const approved = await approvedRequest(h);
    await h.tenant.setFaults({ latencyMs: 200 });

    const first = h.executor.run(approved.id);
    await waitForStatus(h, approved.id, 'executing');
    h.clock.advance(61_000);
    const resumed = await h.executor.resumePending();
    const again = await h.executor.run(approved.id);
    await first;
    await h.tenant.setFaults({ latencyMs: 0 });

    assert.deepEqual([resumed, again], [0, undefined]);
    assert.deepEqual(writes(await h.cmdlets()), ADDS);
    assert.equal((await h.temp.store.getRequest(approved.id))?.status, 'done');
  });

  it('audits and tells a result once its claim runs out when the instance died right after storing it', async () => {
    const approved = await approvedRequest(h);
    const leaseUntil = new Date(h.clock.now().getTime() + 60_000).toISOString();
    const result = { at: h.clock.now().toISOString(), ok: true, steps: ['Add-MailboxPermission'], warnings: [] };
    await h.temp.store.updateRequest({ ...approved, status: 'done', execution: { attempts: 1 }, result, followUp: { leaseOwner: 'crashed', leaseUntil } });
    const executed = async () => (await h.temp.store.listAudit(INFO_ID, 10)).filter((e) => e.action === 'executed').length;

    await h.executor.resumePending();
    assert.deepEqual(h.notifier.changesOf(approved.id), [], 'the claim still holds');
    h.clock.advance(61_000);
    await h.executor.resumePending();
    await h.executor.resumePending();

    assert.deepEqual(h.notifier.changesOf(approved.id), ['done']);
    assert.equal(await executed(), 1);
    const told = await h.temp.store.getRequest(approved.id);
    assert.equal(told?.followUp, undefined);
    assert.deepEqual(writes(await h.cmdlets()), [], 'nothing ran again in Exchange');

    // Died after telling, before clearing its claim: told again, but the audit entry is not repeated.
    await h.temp.store.updateRequest({ ...told!, followUp: { leaseOwner: 'crashed', leaseUntil: h.clock.now().toISOString() } });
    await h.executor.resumePending();
    assert.deepEqual(h.notifier.changesOf(approved.id), ['done', 'done']);
    assert.equal(await executed(), 1);
  });

  it('resumes a request approved just before a crash, before anyone claimed it', async () => {
    const approved = await approvedRequest(h);

    assert.equal(await h.executor.resumePending(), 1);

    assert.deepEqual(writes(await h.cmdlets()), ADDS);
    assert.equal((await h.temp.store.getRequest(approved.id))?.status, 'done');
  });

  it('marks a request failed when Exchange stays unavailable, then succeeds when approved again', async () => {
    const approved = await approvedRequest(h);
    await h.tenant.setFaults({ unavailableRate: 1 });

    const failed = await h.executor.run(approved.id);
    await h.tenant.setFaults({ unavailableRate: 0 });

    assert.equal(failed?.status, 'failed');
    assert.equal(failed?.execution?.attempts, 3);
    assert.match(failed?.result?.error ?? '', /busy/i);
    assert.deepEqual(h.notifier.changesOf(approved.id), ['failed']);
    const audit = await h.temp.store.listAudit(INFO_ID, 10);
    assert.equal(audit[0]?.action, 'failed');
    assert.equal(audit[0]?.outcome, 'failed');

    await h.tenant.clearJournal();
    await decide(h.deps, actor(people.adele), { kind: 'decide', requestId: approved.id, verdict: 'approve' });
    await h.executor.idle();

    assert.deepEqual(writes(await h.cmdlets()), ADDS);
    assert.equal((await h.temp.store.getRequest(approved.id))?.status, 'done');
    assert.deepEqual(h.notifier.changesOf(approved.id), ['failed', 'done']);
  });

  it('fails at once, without retrying, when Exchange does not know the trustee', async () => {
    const approved = await approvedRequest(h);
    const grant = approved.change as Extract<typeof approved.change, { kind: 'grant' }>;
    const ghost = { ...grant.trustee, address: 'ghost@contoso.com' };
    const broken = await h.temp.store.updateRequest({ ...approved, change: { ...grant, trustee: ghost } });

    const failed = await h.executor.run(broken.id);

    assert.equal(failed?.status, 'failed');
    assert.equal(failed?.execution?.attempts, 1);
  });

  it('expires pending requests past their lifetime and leaves the rest', async () => {
    const first = await requestGrant(h.deps, actor(people.bob), {
      kind: 'request-grant', person: 'bob@', mailbox: 'info@', rights: ['send-on-behalf'], automapping: true,
    });
    h.clock.advanceDays(5);
    await requestGrant(h.deps, actor(people.bob), {
      kind: 'request-grant', person: 'eve@', mailbox: 'info@', rights: ['send-as'], automapping: true,
    });
    h.clock.advanceDays(3);

    assert.equal(await expirePending(h.deps), 1);

    const statuses = (await h.temp.store.listRequests({})).map((r) => r.status).sort();
    assert.deepEqual(statuses, ['expired', 'pending']);
    assert.equal(first.kind === 'request-created' && h.notifier.changesOf(first.request.id).join(), 'expired');
  });
});
