import { strict as assert } from 'node:assert';
import { cancel, decide, refresh, requestGrant } from '../../../src/app/requests';
import type { Outcome } from '../../../src/app/outcome';
import type { ChangeRequest } from '../../../src/domain/change-request';
import { actor, freshHarnessForEachTest, INFO_ID, people, writes, type Harness } from './harness';

const ADDS = ['Add-MailboxPermission', 'Add-RecipientPermission'];

async function fileBobsRequest(h: Harness, by: { id: string; name: string } = people.bob): Promise<ChangeRequest> {
  const outcome = await requestGrant(h.deps, actor(by), {
    kind: 'request-grant', person: 'bob@contoso.com', mailbox: 'info@', rights: ['full-access', 'send-as'], automapping: true,
  });
  assert.equal(outcome.kind, 'request-created');
  if (outcome.kind !== 'request-created') throw new Error('no request');
  await h.tenant.clearJournal();
  return outcome.request;
}

function approve(requestId: string) {
  return { kind: 'decide' as const, requestId, verdict: 'approve' as const };
}

function statusOf(outcome: Outcome): string | undefined {
  return outcome.kind === 'request-status' ? outcome.request.status : undefined;
}

describe('decide', () => {
  let h: Harness;
  freshHarnessForEachTest((started) => (h = started));

  it('executes an approved grant exactly once and tells everyone', async () => {
    const request = await fileBobsRequest(h);

    const outcome = await decide(h.deps, actor(people.adele), approve(request.id));
    await h.executor.idle();

    assert.equal(outcome.kind, 'request-status');
    assert.deepEqual(writes(await h.cmdlets()), ADDS);
    const stored = await h.temp.store.getRequest(request.id);
    assert.equal(stored?.status, 'done');
    assert.equal(stored?.decision?.by.id, people.adele.id);
    assert.equal(stored?.result?.ok, true);
    assert.equal(stored?.result?.steps.length, 2);
    assert.deepEqual(h.notifier.changesOf(request.id), ['done']);
    assert.deepEqual(await h.temp.store.automappingOf(INFO_ID), new Map([[people.bob.id, true]]));
    const actions = (await h.temp.store.listAudit(INFO_ID, 10)).map((e) => e.action);
    assert.deepEqual(actions, ['executed', 'approved', 'requested']);
  });

  it('answers the click before slow Exchange work ends, then finishes it and tells everyone', async () => {
    const request = await fileBobsRequest(h);
    await h.tenant.setFaults({ latencyMs: 400 });

    const outcome = await decide(h.deps, actor(people.adele), approve(request.id));
    const answered = statusOf(outcome);
    await h.executor.idle();

    assert.ok(answered === 'approved' || answered === 'executing', `answered ${answered}`);
    assert.equal((await h.temp.store.getRequest(request.id))?.status, 'done');
    assert.deepEqual(h.notifier.changesOf(request.id), ['done']);
    assert.deepEqual(writes(await h.cmdlets()), ADDS);
  });

  it('records a rejection with its reason and runs nothing', async () => {
    const request = await fileBobsRequest(h);

    const outcome = await decide(h.deps, actor(people.megan), { ...approve(request.id), verdict: 'reject', reason: 'not needed' });

    assert.equal(statusOf(outcome), 'rejected');
    assert.deepEqual(writes(await h.cmdlets()), []);
    assert.equal((await h.temp.store.getRequest(request.id))?.decision?.reason, 'not needed');
    assert.deepEqual(h.notifier.changesOf(request.id), ['rejected']);
  });

  it('lets the requester cancel and then refuses to approve it', async () => {
    const request = await fileBobsRequest(h);

    assert.equal(statusOf(await cancel(h.deps, actor(people.bob), { kind: 'cancel', requestId: request.id })), 'cancelled');
    const late = await decide(h.deps, actor(people.adele), approve(request.id));

    assert.equal(statusOf(late), 'cancelled');
    assert.deepEqual(writes(await h.cmdlets()), []);
  });

  it('refuses a cancel from someone other than the requester', async () => {
    const request = await fileBobsRequest(h);

    await assert.rejects(cancel(h.deps, actor(people.adele), { kind: 'cancel', requestId: request.id }), { code: 'forbidden' });
  });

  it('refuses self-approval even for an admin', async () => {
    const request = await fileBobsRequest(h, people.adele);
    await h.temp.store.updateRequest({ ...request, approverIds: [people.adele.id, people.megan.id] });

    await assert.rejects(decide(h.deps, actor(people.adele), approve(request.id)), {
      code: 'forbidden',
      message: "You can't approve your own request.",
    });
    assert.equal((await h.temp.store.getRequest(request.id))?.status, 'pending');
  });

  it('refuses someone who is not an approver and changes nothing', async () => {
    const request = await fileBobsRequest(h);

    await assert.rejects(decide(h.deps, actor(people.dana), approve(request.id)), {
      code: 'forbidden',
      message: 'Only the owners of Info (or the admins) can decide this.',
    });
    assert.equal((await h.temp.store.getRequest(request.id))?.status, 'pending');
  });

  it('refuses an approver who lost the role after the request was filed', async () => {
    const request = await fileBobsRequest(h);
    await h.temp.store.addOwner(INFO_ID, { kind: 'user', id: people.dana.id, displayName: 'Dana Lee', address: 'dana@contoso.com' });

    await assert.rejects(decide(h.deps, actor(people.adele), approve(request.id)), { code: 'forbidden' });
  });

  it('answers "That request no longer exists." for an unknown id', async () => {
    await assert.rejects(decide(h.deps, actor(people.adele), approve('no-such-request')), {
      code: 'not-found',
      message: 'That request no longer exists.',
    });
  });

  it('executes once when the same approver clicks five times', async () => {
    const request = await fileBobsRequest(h);

    const outcomes: Outcome[] = [];
    for (let i = 0; i < 5; i += 1) outcomes.push(await decide(h.deps, actor(people.adele), approve(request.id)));
    await h.executor.idle();

    assert.deepEqual(writes(await h.cmdlets()), ADDS);
    for (const repeat of outcomes.slice(1)) {
      assert.equal(repeat.kind === 'request-status' && repeat.notice, 'Already approved by Adele Vance.');
    }
    assert.equal((await h.temp.store.listAudit(INFO_ID, 10)).filter((e) => e.action === 'approved').length, 1);
  });

  it('decides once and executes once under 20 concurrent approvals', async () => {
    const request = await fileBobsRequest(h);

    const clickers = Array.from({ length: 20 }, (_, i) => actor(i % 2 === 0 ? people.adele : people.megan));
    const outcomes = await Promise.all(clickers.map((who) => decide(h.deps, who, approve(request.id))));
    await h.executor.idle();

    assert.deepEqual(writes(await h.cmdlets()), ADDS);
    const audit = await h.temp.store.listAudit(INFO_ID, 50);
    assert.equal(audit.filter((e) => e.action === 'approved').length, 1);
    assert.equal(audit.filter((e) => e.action === 'executed').length, 1);
    const winner = (await h.temp.store.getRequest(request.id))?.decision?.by.displayName;
    const notices = outcomes.map((o) => (o.kind === 'request-status' ? o.notice : 'wrong kind'));
    assert.equal(notices.filter((n) => n === undefined).length, 1);
    assert.ok(notices.every((n) => n === undefined || n === `Already approved by ${winner}.`), notices.join(' | '));
    assert.deepEqual(h.notifier.changesOf(request.id), ['done']);
  });

  it('tells a second approver who already decided', async () => {
    const request = await fileBobsRequest(h);
    await decide(h.deps, actor(people.adele), { ...approve(request.id), verdict: 'reject' });

    const outcome = await decide(h.deps, actor(people.megan), approve(request.id));

    assert.equal(outcome.kind === 'request-status' && outcome.notice, 'Already rejected by Adele Vance.');
  });

  it('expires a request nobody decided in time and refuses to run it', async () => {
    const request = await fileBobsRequest(h);
    h.clock.advanceDays(8);

    const outcome = await decide(h.deps, actor(people.adele), approve(request.id));

    assert.equal(statusOf(outcome), 'expired');
    assert.match(outcome.kind === 'request-status' ? outcome.notice ?? '' : '', /expired on 2026-12-08/);
    assert.deepEqual(writes(await h.cmdlets()), []);
    assert.deepEqual(h.notifier.changesOf(request.id), ['expired']);
  });

  it('shows each viewer their own view on refresh', async () => {
    const request = await fileBobsRequest(h);
    const viewer = async (who: { id: string; name: string }) => {
      const outcome = await refresh(h.deps, actor(who), { kind: 'refresh', requestId: request.id });
      return outcome.kind === 'request-status' ? outcome.viewer : undefined;
    };

    assert.deepEqual([await viewer(people.adele), await viewer(people.bob), await viewer(people.eve)], ['approver', 'requester', 'other']);
  });
});
