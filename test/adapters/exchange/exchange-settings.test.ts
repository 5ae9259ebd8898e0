import assert from 'node:assert/strict';
import { AppError } from '../../../src/domain/errors';
import type { Tenant } from '../../support/simulator-env';
import { adapterTenantForAllTests } from '../shared-tenant';

describe('ExchangeOnline settings against the simulated tenant', () => {
  let tenant: Tenant;
  adapterTenantForAllTests((started) => void (tenant = started));

  it('refuses with a clear reason when New-Mailbox meets an address already in use', async () => {
    await assert.rejects(
      tenant.exchange.apply({ kind: 'new-shared-mailbox', mailbox: 'bob@contoso.com', name: 'bob2', displayName: 'Bob 2' }),
      (error: unknown) => error instanceof AppError && error.code === 'invalid' && /bob@contoso\.com is already used/.test(error.message),
    );
  });

  it('creates a shared mailbox and reads its size back from Get-MailboxStatistics', async () => {
    await tenant.exchange.apply({ kind: 'new-shared-mailbox', mailbox: 'desk@contoso.com', name: 'desk', displayName: 'Desk' });
    const [created] = await tenant.exchange.findMailboxes('desk@contoso.com');
    assert.equal(created?.kind, 'shared');
    assert.equal(await tenant.exchange.mailboxSize('desk@contoso.com'), 0);
    assert.equal(await tenant.exchange.mailboxSize('nobody-here@contoso.com'), undefined);
  });

  it('blocks sign-in and sets and clears automatic replies through Graph', async () => {
    const [desk] = await tenant.exchange.findMailboxes('desk@contoso.com');
    assert.ok(desk);
    await tenant.directory.setAccountEnabled(desk.id, false);
    assert.equal(await tenant.directory.accountEnabled(desk.id), false);
    const reply = { status: 'scheduled', message: 'Closed', start: '2026-11-25T12:00:00.000Z', end: '2026-12-01T23:59:59.000Z' } as const;
    await tenant.directory.setAutomaticReplies(desk.id, reply);
    assert.deepEqual(await tenant.directory.automaticReplies(desk.id), reply);
    await tenant.directory.setAutomaticReplies(desk.id, { status: 'disabled', message: '' });
    assert.equal((await tenant.directory.automaticReplies(desk.id))?.status, 'disabled');
  });
});
