import { strict as assert } from 'node:assert';
import { requestGrant, requestRevoke } from '../../../src/app/requests';
import type { CommandOf } from '../../../src/commands/command';
import { actor, freshHarnessForEachTest, INFO_ID, people, writes, type Harness } from './harness';

function grant(fields: Partial<CommandOf<'request-grant'>> = {}): CommandOf<'request-grant'> {
  return { kind: 'request-grant', person: 'bob@contoso.com', mailbox: 'info@', rights: ['full-access', 'send-as'], automapping: true, ...fields };
}

describe('requestGrant and requestRevoke', () => {
  // Nothing here changes Exchange, so one tenant serves every test; each gets a fresh store.
  let h: Harness;
  freshHarnessForEachTest((started) => (h = started), { sharedTenant: true });

  it('files a pending request with a plan and asks the admins when the mailbox has no owners', async () => {
    const outcome = await requestGrant(h.deps, actor(people.bob), grant({ reason: 'covering the front desk' }));

    assert.equal(outcome.kind, 'request-created');
    if (outcome.kind !== 'request-created') return;
    assert.equal(outcome.request.status, 'pending');
    assert.deepEqual((outcome.request.change as { rights?: unknown }).rights, ['full-access', 'send-as']);
    assert.deepEqual([...outcome.request.approverIds].sort(), [people.adele.id, people.megan.id]);
    assert.equal(outcome.request.expiresAt, '2026-12-08T09:00:00.000Z');
    assert.deepEqual(outcome.plan.effects, ['Bob Smith gets Full Access and Send As on Info.', "Info appears in Bob's Outlook within 60 minutes."]);
    assert.deepEqual(h.notifier.asked.map((r) => r.id), [outcome.request.id]);
    const audit = await h.temp.store.listAudit(INFO_ID, 10);
    assert.deepEqual(audit.map((e) => [e.action, e.actor.id]), [['requested', people.bob.id]]);
    assert.deepEqual(writes(await h.cmdlets()), []);
  });

  it('leaves out the admin who asks from the approvers', async () => {
    const outcome = await requestGrant(h.deps, actor(people.adele), grant());

    assert.equal(outcome.kind, 'request-created');
    if (outcome.kind === 'request-created') assert.deepEqual(outcome.request.approverIds, [people.megan.id]);
  });

  it('answers the pending request instead of filing a duplicate', async () => {
    const first = await requestGrant(h.deps, actor(people.bob), grant());
    const again = await requestGrant(h.deps, actor(people.dana), grant({ rights: ['send-as', 'full-access'] }));

    assert.equal(again.kind, 'request-status');
    if (first.kind !== 'request-created' || again.kind !== 'request-status') return;
    assert.equal(again.request.id, first.request.id);
    assert.match(again.notice ?? '', /Bob Smith already asked for this/);
    assert.equal((await h.temp.store.listRequests({ mailboxId: INFO_ID })).length, 1);
    assert.equal(h.notifier.asked.length, 1);
  });

  it('answers "nothing to do" when the person already has every right asked for', async () => {
    await assert.rejects(requestGrant(h.deps, actor(people.dana), grant({ mailbox: 'support@' })), {
      code: 'invalid',
      message: 'Bob already has Full Access and Send As on Support — nothing to do.',
    });
    assert.equal((await h.temp.store.listRequests({})).length, 0);
  });

  it('plans only the missing rights and warns about a hidden mailbox', async () => {
    const outcome = await requestGrant(h.deps, actor(people.dana), grant({ mailbox: 'support@', rights: ['full-access', 'send-on-behalf'] }));

    assert.equal(outcome.kind, 'request-created');
    if (outcome.kind !== 'request-created') return;
    assert.deepEqual(outcome.plan.rights, ['send-on-behalf']);
    assert.deepEqual(outcome.plan.unchanged, ['full-access']);
    assert.match(outcome.plan.warnings.join('\n'), /hidden from address lists/);
  });

  it('refuses when nobody but the requester can approve', async () => {
    await h.temp.store.addOwner(INFO_ID, { kind: 'user', id: people.bob.id, displayName: 'Bob Smith', address: 'bob@contoso.com' });

    await assert.rejects(requestGrant(h.deps, actor(people.bob), grant()), {
      code: 'forbidden',
      message: 'Nobody else can approve changes to Info: ask an admin to add an owner.',
    });
  });

  it('sends the request to the mailbox owners when it has some', async () => {
    await h.temp.store.addOwner(INFO_ID, { kind: 'user', id: people.dana.id, displayName: 'Dana Lee', address: 'dana@contoso.com' });

    const outcome = await requestGrant(h.deps, actor(people.bob), grant());

    assert.equal(outcome.kind === 'request-created' && outcome.request.approverIds.join(), people.dana.id);
  });

  it('records the end of a time-bound grant and says so', async () => {
    const outcome = await requestGrant(h.deps, actor(people.bob), grant({ duration: { days: 14 } }));

    assert.equal(outcome.kind, 'request-created');
    if (outcome.kind !== 'request-created' || outcome.request.change.kind !== 'grant') return;
    assert.equal(outcome.request.change.until, '2026-12-15T09:00:00.000Z');
    assert.ok(outcome.plan.effects.includes('Until 2026-12-15 (14 days).'));
  });

  it('warns that a group never automaps', async () => {
    const outcome = await requestGrant(h.deps, actor(people.bob), grant({ person: 'sales@contoso.com', rights: ['full-access'] }));

    assert.equal(outcome.kind, 'request-created');
    if (outcome.kind !== 'request-created') return;
    assert.equal((outcome.request.change as { trustee?: { kind: string } }).trustee?.kind, 'group');
    assert.ok(outcome.plan.warnings.includes('Groups never automap: members add Info in Outlook by hand.'));
  });

  it('plans a removal of only the rights the person holds', async () => {
    const outcome = await requestRevoke(h.deps, actor(people.dana), { kind: 'request-revoke', person: 'bob@', mailbox: 'support', rights: [] });

    assert.equal(outcome.kind, 'request-created');
    if (outcome.kind !== 'request-created') return;
    assert.deepEqual(outcome.plan.rights, ['full-access', 'send-as']);
    assert.equal(outcome.plan.effects[0], 'Bob Smith loses Full Access and Send As on Support.');
  });
});
