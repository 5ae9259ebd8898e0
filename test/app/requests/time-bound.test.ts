import { strict as assert } from 'node:assert';
import { decide, requestGrant, revokeEndedGrants, startRequestSweeps, type RequestExecutor } from '../../../src/app/requests';
import { actor, approvedGrantForDays, freshHarnessForEachTest, INFO_ID, people, writes, type Harness } from './harness';

const REMOVALS = ['Remove-MailboxPermission', 'Remove-RecipientPermission'];

describe('time-bound grants', () => {
  let h: Harness;
  freshHarnessForEachTest((started) => (h = started));

  const grantForDays = (days: number) => approvedGrantForDays(h, days);

  it('removes a grant once its end has come, exactly once', async () => {
    const id = await grantForDays(14);
    const sweep = () => revokeEndedGrants(h.deps, { owner: 'instance-a', leaseMs: 60_000 });

    h.clock.advanceDays(13);
    assert.equal(await sweep(), 0);
    h.clock.advanceDays(2);
    assert.deepEqual([await sweep(), await sweep()], [1, 0]);

    assert.deepEqual(writes(await h.cmdlets()), REMOVALS);
    assert.equal((await h.temp.store.getRequest(id))?.status, 'revoked');
    assert.deepEqual(await h.temp.store.automappingOf(INFO_ID), new Map());
    assert.deepEqual(h.notifier.changesOf(id), ['done', 'revoked']);
    assert.equal((await h.temp.store.listAudit(INFO_ID, 1))[0]?.action, 'grant-ended');
  });

  it('expires, resumes and ends grants from one sweep, holding the scheduler lease', async () => {
    const id = await grantForDays(1);
    h.clock.advanceDays(2);
    const sweeps = startRequestSweeps(h.deps, h.executor, { owner: 'instance-a', intervalMs: 60_000 });
    try {
      await sweeps.sweep();
    } finally {
      await sweeps.stop();
    }

    assert.equal((await h.temp.store.getRequest(id))?.status, 'revoked');
    assert.deepEqual(writes(await h.cmdlets()), REMOVALS);
  });

  it('leaves the ending to the instance holding the scheduler lease', async () => {
    const id = await grantForDays(1);
    h.clock.advanceDays(2);
    await h.temp.store.acquireLease('request-sweeps', 'instance-b', 120_000, h.clock.now());
    const sweeps = startRequestSweeps(h.deps, h.executor, { owner: 'instance-a', intervalMs: 60_000 });
    try {
      await sweeps.sweep();
    } finally {
      await sweeps.stop();
    }

    assert.equal((await h.temp.store.getRequest(id))?.status, 'done');
    assert.deepEqual(writes(await h.cmdlets()), []);
  });

  it('ends a grant on the sweep while a resumed execution is still waiting on Exchange', async function () {
    this.timeout(30_000);
    const ended = await grantForDays(1);
    const stalled = await approvedButNotStarted(h);
    h.clock.advanceDays(2);
    await h.tenant.setFaults({ latencyMs: 1_500 });
    const sweeps = startRequestSweeps(h.deps, h.executor, { owner: 'instance-a', intervalMs: 60_000 });
    try {
      while ((await h.temp.store.getRequest(ended))?.status !== 'revoked') await delay(50);
      assert.equal((await h.temp.store.getRequest(stalled))?.status, 'executing', 'the grant ended before the resumed change finished');
      await sweeps.sweep();
      assert.equal((await h.temp.store.getRequest(stalled))?.status, 'done');
    } finally {
      await sweeps.stop();
    }
  });
});

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Dana's access to info@, approved by Adele on an instance that died before running it. */
async function approvedButNotStarted(h: Harness): Promise<string> {
  const outcome = await requestGrant(h.deps, actor(people.dana), {
    kind: 'request-grant', person: 'dana@', mailbox: 'info@', rights: ['full-access', 'send-as'], automapping: true,
  });
  if (outcome.kind !== 'request-created') throw new Error(`expected a request, got ${outcome.kind}`);
  const died: RequestExecutor = { run: async () => undefined, resumePending: async () => 0, idle: async () => undefined };
  await decide({ ...h.deps, executor: died }, actor(people.adele), { kind: 'decide', requestId: outcome.request.id, verdict: 'approve' });
  return outcome.request.id;
}
