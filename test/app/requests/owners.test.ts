import { strict as assert } from 'node:assert';
import {
  addOwner,
  APPROVALS_CHANNEL_KEY,
  history,
  owners,
  pending,
  removeOwner,
  requestGrant,
  setApprovalsChannel,
} from '../../../src/app/requests';
import { actor, freshHarnessForEachTest, INFO_ID, people, type Harness } from './harness';

describe('owners, history, pending and the approvals channel', () => {
  // Nothing here changes Exchange, so one tenant serves every test; each gets a fresh store.
  let h: Harness;
  freshHarnessForEachTest((started) => (h = started), { sharedTenant: true });

  it('lets an admin add and remove owners, and audits both', async () => {
    const added = await addOwner(h.deps, actor(people.adele), { kind: 'add-owner', person: 'dana@', mailbox: 'info' });
    const removed = await removeOwner(h.deps, actor(people.megan), { kind: 'remove-owner', person: 'Dana Lee', mailbox: 'info@' });

    assert.deepEqual(added.kind === 'owners' && added.owners.map((o) => o.id), [people.dana.id]);
    assert.deepEqual(removed.kind === 'owners' && removed.owners, []);
    const audit = await h.temp.store.listAudit(INFO_ID, 10);
    assert.deepEqual(audit.map((e) => [e.action, e.actor.id]), [['owner-removed', people.megan.id], ['owner-added', people.adele.id]]);
  });

  it('refuses owner changes from someone who is not an admin', async () => {
    await assert.rejects(addOwner(h.deps, actor(people.bob), { kind: 'add-owner', person: 'bob@', mailbox: 'info' }), {
      code: 'forbidden',
    });
    assert.deepEqual(await h.temp.store.getOwners(INFO_ID), []);
  });

  it('says so when removing someone who is not an owner', async () => {
    await assert.rejects(removeOwner(h.deps, actor(people.adele), { kind: 'remove-owner', person: 'eve@', mailbox: 'info' }), {
      code: 'not-found',
      message: 'Eve Adams is not an owner of Info.',
    });
  });

  it('shows owners and history to owners and admins only', async () => {
    await addOwner(h.deps, actor(people.adele), { kind: 'add-owner', person: 'dana@', mailbox: 'info' });

    const asOwner = await history(h.deps, actor(people.dana), { kind: 'history', mailbox: 'info@' });
    const asAdmin = await owners(h.deps, actor(people.megan), { kind: 'owners', mailbox: 'info@' });

    assert.equal(asOwner.kind === 'history' && asOwner.entries[0]?.action, 'owner-added');
    assert.equal(asAdmin.kind === 'owners' && asAdmin.owners.length, 1);
    await assert.rejects(history(h.deps, actor(people.eve), { kind: 'history', mailbox: 'info@' }), { code: 'forbidden' });
    await assert.rejects(owners(h.deps, actor(people.bob), { kind: 'owners', mailbox: 'info@' }), { code: 'forbidden' });
  });

  it('lists the requests waiting for this approver only', async () => {
    await requestGrant(h.deps, actor(people.bob), { kind: 'request-grant', person: 'bob@', mailbox: 'info@', rights: ['send-as'], automapping: true });

    const forAdmin = await pending(h.deps, actor(people.megan), { kind: 'pending' });
    const forRequester = await pending(h.deps, actor(people.bob), { kind: 'pending' });

    assert.equal(forAdmin.kind === 'pending-list' && forAdmin.requests.length, 1);
    assert.equal(forRequester.kind === 'pending-list' && forRequester.requests.length, 0);
  });

  it('stores the approvals channel when an admin asks in a channel', async () => {
    const outcome = await setApprovalsChannel(h.deps, actor(people.adele, 'channel'), { kind: 'set-approvals-channel' });

    assert.equal(outcome.kind, 'notice');
    assert.deepEqual(await h.temp.store.getDocument(APPROVALS_CHANNEL_KEY), { channel: 'channel' });
  });

  it('refuses the approvals channel outside a channel or from a non-admin', async () => {
    await assert.rejects(setApprovalsChannel(h.deps, actor(people.adele), { kind: 'set-approvals-channel' }), { code: 'invalid' });
    await assert.rejects(setApprovalsChannel(h.deps, actor(people.bob, 'channel'), { kind: 'set-approvals-channel' }), { code: 'forbidden' });
    assert.equal(await h.temp.store.getDocument(APPROVALS_CHANNEL_KEY), undefined);
  });
});
