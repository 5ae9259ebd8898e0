import { strict as assert } from 'node:assert';
import { decide, extendGrant, remindEndingGrants, requestGrant, revokeEndedGrants } from '../../../src/app/requests';
import { parseText } from '../../../src/commands/parse-text';
import { AppError } from '../../../src/domain/errors';
import { actor, approvedGrantForDays, freshHarnessForEachTest, INFO_ID, people, writes, type Harness } from './harness';

const REMOVALS = ['Remove-MailboxPermission', 'Remove-RecipientPermission'];
const DAY_MS = 86_400_000;

describe('time-bound grant reminders, extensions and limits', () => {
  let h: Harness;
  freshHarnessForEachTest((harness) => (h = harness));
  const grantForDays = (days: number) => approvedGrantForDays(h, days);

  const endGrants = (owner = 'instance-a') => revokeEndedGrants(h.deps, { owner, leaseMs: 60_000 });
  const sweep = async (owner = 'instance-a') => {
    await endGrants(owner);
    await remindEndingGrants(h.deps);
  };

  it('does offer the extension once, two days before the end, when several instances sweep repeatedly', async () => {
    const id = await grantForDays(14);
    h.clock.advanceDays(11);
    await sweep();
    assert.equal(h.notifier.ending.length, 0, 'no reminder three days before the end');

    h.clock.advanceDays(1);
    const sent = await Promise.all([remindEndingGrants(h.deps), remindEndingGrants(h.deps), remindEndingGrants(h.deps)]);
    await sweep('instance-b');
    h.clock.advance(60_000);
    await sweep();

    assert.deepEqual(sent.sort(), [0, 0, 1]);
    assert.deepEqual(h.notifier.ending.map((r) => r.id), [id]);
    assert.ok((await h.temp.store.getRequest(id))?.reminderSentAt);
  });

  it('does tell the trustee and approver once and audits the read-back when the grant ends', async () => {
    const id = await grantForDays(3);
    h.clock.advance(3 * DAY_MS + 30_000);
    assert.deepEqual(await Promise.all([endGrants('instance-a'), endGrants('instance-b')]).then((n) => n.sort()), [0, 1]);

    assert.deepEqual(writes(await h.cmdlets()), REMOVALS);
    assert.deepEqual(h.notifier.ended.map((r) => [r.id, r.status, r.decision?.by.id]), [[id, 'revoked', people.adele.id]]);
    const [entry] = await h.temp.store.listAudit(INFO_ID, 1);
    assert.equal(entry?.action, 'grant-ended');
    assert.match(entry?.detail ?? '', /Read back: the rights are gone\./);
  });

  it('does file an extension from the end for as long when the trustee asks, and keeps the access past the first end', async () => {
    const id = await grantForDays(14);
    const until = Date.parse('2026-12-01T09:00:00.000Z') + 14 * DAY_MS;
    h.clock.advanceDays(12);
    const asked = await extendGrant(h.deps, actor(people.bob), { kind: 'extend-grant', requestId: id });
    assert.equal(asked.kind, 'request-created');
    if (asked.kind !== 'request-created') return;
    const extension = asked.request;
    assert.equal(extension.change.kind === 'grant' && extension.change.until, new Date(until + 14 * DAY_MS).toISOString());
    assert.deepEqual(extension.change.kind === 'grant' && extension.change.rights, ['full-access', 'send-as']);
    assert.equal(extension.requester.id, people.bob.id);
    assert.ok(!extension.approverIds.includes(people.bob.id));

    const again = await extendGrant(h.deps, actor(people.bob), { kind: 'extend-grant', requestId: id });
    assert.equal(again.kind, 'request-status', 'a second click shows the pending extension');
    assert.equal(again.kind === 'request-status' && again.request.id, extension.id);

    await decide(h.deps, actor(people.adele), { kind: 'decide', requestId: extension.id, verdict: 'approve' });
    await h.executor.idle();
    assert.equal((await h.temp.store.getRequest(extension.id))?.status, 'done');
    await h.tenant.clearJournal();

    h.clock.advanceDays(3);
    assert.equal(await endGrants(), 1);
    assert.equal((await h.temp.store.getRequest(id))?.status, 'revoked');
    assert.deepEqual(writes(await h.cmdlets()), [], 'the extension keeps the rights');
    assert.equal(h.notifier.ended.length, 0, 'nobody is told the access ended');
    assert.match((await h.temp.store.listAudit(INFO_ID, 1))[0]?.detail ?? '', new RegExp(`continues under request ${extension.id}`));

    h.clock.advanceDays(14);
    assert.equal(await endGrants(), 1);
    assert.deepEqual(writes(await h.cmdlets()), REMOVALS);
    assert.deepEqual(h.notifier.ended.map((r) => r.id), [extension.id]);
  });

  it('does refuse the extension when someone other than the trustee asks', async () => {
    const id = await grantForDays(14);
    await assert.rejects(
      extendGrant(h.deps, actor(people.adele), { kind: 'extend-grant', requestId: id }),
      (error: unknown) => error instanceof AppError && error.code === 'forbidden' && /Only Bob/.test(error.message),
    );
  });

  it('does refuse a grant longer than MAX_GRANT_DAYS with a clear message, and accepts one within it', async () => {
    const deps = { ...h.deps, policy: { ...h.deps.policy, maxGrantDays: 30 } };
    const ask = (duration: { days: number } | { until: string }) =>
      requestGrant(deps, actor(people.bob), { kind: 'request-grant', person: 'bob@', mailbox: 'info@', rights: ['full-access'], automapping: true, duration });
    await assert.rejects(ask({ days: 31 }), (error: unknown) =>
      error instanceof AppError && error.code === 'invalid' && error.message === 'Access can be granted for at most 30 days at a time; you asked for 31. Ask for 30 days or fewer.');
    await assert.rejects(ask({ until: '2027-06-01' }), /at most 30 days/);
    assert.equal((await ask({ days: 30 })).kind, 'request-created');
  });

  it('does refuse zero and negative lengths when the command is read', () => {
    for (const text of ['add bob to info@ for 0 days', 'add bob to info@ for -3 days']) {
      assert.throws(() => parseText(text), (error: unknown) => error instanceof AppError && error.code === 'invalid', text);
    }
  });

  it('does neither revoke twice nor skip the end when the clock jumps back and forth', async () => {
    const id = await grantForDays(14);
    h.clock.advanceDays(13);
    await sweep();
    h.clock.advanceDays(-5);
    await sweep();
    assert.equal(h.notifier.ending.length, 1, 'one reminder although the window is entered twice');

    h.clock.advanceDays(400);
    await sweep();
    h.clock.advanceDays(-390);
    await sweep();
    h.clock.advanceDays(500);
    await sweep();
    await sweep('instance-b');

    assert.equal((await h.temp.store.getRequest(id))?.status, 'revoked');
    assert.deepEqual(writes(await h.cmdlets()), REMOVALS, 'removed once');
    assert.equal(h.notifier.ended.length, 1);
    assert.equal(h.notifier.ending.length, 1);
  });
});
