import { strict as assert } from 'node:assert';
import { myMailboxes } from '../../../src/app/my-mailboxes';
import type { Outcome } from '../../../src/app/outcome';
import { actor, ids, sharedAccessEnv, type AccessEnv } from './access-env';

function summary(outcome: Outcome): string[] {
  assert.equal(outcome.kind, 'my-mailboxes');
  if (outcome.kind !== 'my-mailboxes') return [];
  return outcome.mailboxes.flatMap((m) =>
    m.rights.map((r) => `${m.mailbox.address} ${r.right} ${r.path.kind === 'direct' ? 'direct' : r.path.via.join(' > ')}`),
  );
}

describe('my mailboxes (simulator)', () => {
  let env: AccessEnv;
  const mine = (id: string, name: string) => myMailboxes(env.deps, actor(id, name), { kind: 'my-mailboxes' });

  sharedAccessEnv((started) => void (env = started));

  it('lists shared mailboxes reached directly and through a group', async () => {
    const outcome = await mine(ids.bob, 'Bob');
    assert.deepEqual(summary(outcome), [
      'info@contoso.com full-access Sales',
      'info@contoso.com send-as direct',
      'mkt@contoso.com full-access Sales',
      'mkt@contoso.com send-as Sales',
    ]);
    assert.deepEqual(outcome.kind === 'my-mailboxes' && outcome.person, {
      kind: 'user',
      id: ids.bob,
      displayName: 'Bob Kelly',
      address: 'bob@contoso.com',
    });
  });

  it('shows the chain of nested groups that brings the person in', async () => {
    assert.deepEqual(summary(await mine(ids.nestor, 'Nestor')), [
      'info@contoso.com full-access Sales > Sales EMEA',
      'info@contoso.com send-on-behalf direct',
      'mkt@contoso.com full-access Sales > Sales EMEA',
      'mkt@contoso.com send-as Sales > Sales EMEA',
      'support-us@contoso.com full-access direct',
    ]);
  });

  it('leaves out denied mailboxes and user mailboxes', async () => {
    assert.deepEqual(summary(await mine(ids.megan, 'Megan')), []);
  });
});
