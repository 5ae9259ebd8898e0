import { strict as assert } from 'node:assert';
import { help } from '../../../src/app/help';
import { approversOf, isAdmin } from '../../../src/app/roles';
import type { ChangeRequest, MailboxRef, PrincipalRef } from '../../../src/domain/change-request';
import { actor, ids, NOW, sharedAccessEnv, type AccessEnv } from './access-env';

const user = (id: string, displayName: string, address: string): PrincipalRef => ({ kind: 'user', id, displayName, address });
const megan = user(ids.megan, 'Megan Bowen', 'megan@contoso.com');
const ref = (id: string, displayName: string, address: string): MailboxRef => ({ id, displayName, address });

describe('help and roles (simulator)', () => {
  let env: AccessEnv;
  sharedAccessEnv((started) => void (env = started));

  it('treats transitive members of the admin group as admins and nobody else', async () => {
    assert.equal(await isAdmin(env.deps, ids.adele), true);
    assert.equal(await isAdmin(env.deps, ids.bob), false);
  });

  it('shows an admin everything and passes on what was not understood', async () => {
    assert.deepEqual(await help(env.deps, actor(ids.adele, 'Adele'), { kind: 'help', notUnderstood: 'make coffee' }), {
      kind: 'help',
      isAdmin: true,
      isApprover: true,
      notUnderstood: 'make coffee',
    });
  });

  it('shows someone with no role only what anyone may do', async () => {
    assert.deepEqual(await help(env.deps, actor(ids.nestor, 'Nestor'), { kind: 'help' }), {
      kind: 'help',
      isAdmin: false,
      isApprover: false,
    });
  });

  it('counts an owner with a request waiting for them as an approver', async () => {
    const request: Omit<ChangeRequest, 'version'> = {
      id: 'req-help-1',
      change: { kind: 'grant', mailbox: ref(ids.marketing, 'Marketing', 'mkt@contoso.com'), trustee: user(ids.bob, 'Bob Kelly', 'bob@contoso.com'), rights: ['full-access'], automapping: true },
      requester: user(ids.bob, 'Bob Kelly', 'bob@contoso.com'),
      approverIds: [ids.megan],
      status: 'pending',
      createdAt: NOW.toISOString(),
      expiresAt: new Date(NOW.getTime() + 7 * 86_400_000).toISOString(),
    };
    await env.deps.store.createRequest(request);
    const outcome = await help(env.deps, actor(ids.megan, 'Megan'), { kind: 'help' });
    assert.deepEqual(outcome, { kind: 'help', isAdmin: false, isApprover: true });
  });

  it('makes the admins approve for a mailbox without owners', async () => {
    assert.deepEqual(await approversOf(env.deps, ref(ids.info, 'Info', 'info@contoso.com')), [ids.adele]);
  });

  it('makes the owners approve when a mailbox has them, groups expanded to enabled members', async () => {
    const supportUs = ref(ids.supportUs, 'Support US', 'support-us@contoso.com');
    await env.deps.store.addOwner(supportUs.id, megan);
    await env.deps.store.addOwner(supportUs.id, { kind: 'group', id: ids.salesEmea, displayName: 'Sales EMEA', address: 'sales-emea@contoso.com' });
    assert.deepEqual([...(await approversOf(env.deps, supportUs))].sort(), [ids.megan, ids.nestor].sort());
  });

  it('falls back to the admins when every owner has left', async () => {
    const diego = ref(ids.diego, 'Diego Siciliani', 'diego@contoso.com');
    await env.deps.store.addOwner(diego.id, user(ids.lee, 'Lee Gu', 'lee@contoso.com'));
    assert.deepEqual(await approversOf(env.deps, diego), [ids.adele]);
  });
});
