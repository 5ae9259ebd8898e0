import { strict as assert } from 'node:assert';
import { requestGrant } from '../../../src/app/requests';
import type { ChangeRequest } from '../../../src/domain/change-request';
import { actor, freshHarnessForEachTest, people, type Harness } from '../requests/harness';

const adele = { kind: 'user' as const, id: people.adele.id, displayName: 'Adele Vance', address: 'adele@contoso.com' };

async function approvedGrant(h: Harness): Promise<ChangeRequest> {
  const outcome = await requestGrant(h.deps, actor(people.dana), {
    kind: 'request-grant', person: 'bob@contoso.com', mailbox: 'info@', rights: ['full-access', 'send-as'], automapping: true,
  });
  if (outcome.kind !== 'request-created') throw new Error(`expected a request, got ${outcome.kind}`);
  const decision = { verdict: 'approved' as const, by: adele, at: h.clock.now().toISOString() };
  return h.temp.store.updateRequest({ ...outcome.request, status: 'approved', decision, execution: { attempts: 0 } });
}

describe('state before a change', () => {
  let h: Harness;
  freshHarnessForEachTest((started) => (h = started));

  it('records the rights the trustee held just before the first Exchange call', async () => {
    const approved = await approvedGrant(h);
    await h.deps.exchange.apply({ kind: 'add-send-as', mailbox: 'info@contoso.com', trustee: 'bob@contoso.com' });
    const done = await h.executor.run(approved.id);
    assert.equal(done?.status, 'done');
    assert.deepEqual(done?.result?.before, { rights: ['send-as'] });
  });

  it('keeps the state read before a crashed attempt when another instance takes the execution over', async () => {
    const approved = await approvedGrant(h);
    const leaseUntil = new Date(h.clock.now().getTime() + 60_000).toISOString();
    await h.temp.store.updateRequest({
      ...approved,
      status: 'executing',
      execution: { attempts: 0, leaseOwner: 'crashed', leaseUntil, before: { rights: [] } },
    });
    // The crashed instance got its first call through.
    await h.deps.exchange.apply({ kind: 'add-full-access', mailbox: 'info@contoso.com', trustee: 'bob@contoso.com', autoMapping: true });
    h.clock.advance(61_000);
    assert.equal(await h.executor.resumePending(), 1);
    assert.deepEqual((await h.temp.store.getRequest(approved.id))?.result?.before, { rights: [] });
  });
});
