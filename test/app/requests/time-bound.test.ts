import { strict as assert } from 'node:assert';
import { revokeEndedGrants, startRequestSweeps } from '../../../src/app/requests';
import { approvedGrantForDays, freshHarnessForEachTest, INFO_ID, writes, type Harness } from './harness';

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
});
