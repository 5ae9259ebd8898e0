import { strict as assert } from 'node:assert';
import { decide, requestGrant, revokeEndedGrants, startRequestSweeps } from '../../../src/app/requests';
import { actor, INFO_ID, people, startHarness, writes, type Harness } from './harness';

const REMOVALS = ['Remove-MailboxPermission', 'Remove-RecipientPermission'];

describe('time-bound grants', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  async function grantForDays(days: number): Promise<string> {
    const outcome = await requestGrant(h.deps, actor(people.bob), {
      kind: 'request-grant', person: 'bob@', mailbox: 'info@', rights: ['full-access', 'send-as'], automapping: true, duration: { days },
    });
    if (outcome.kind !== 'request-created') throw new Error(`expected a request, got ${outcome.kind}`);
    await decide(h.deps, actor(people.adele), { kind: 'decide', requestId: outcome.request.id, verdict: 'approve' });
    await h.executor.idle();
    await h.tenant.clearJournal();
    return outcome.request.id;
  }

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
});
