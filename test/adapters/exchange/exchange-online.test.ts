import assert from 'node:assert/strict';
import { AppError } from '../../../src/domain/errors';
import { startTenant, type Tenant } from '../../support/simulator-env';
import { ADAPTER_SEED, ids, SHARED_MAILBOX_COUNT } from './tenant-seed';

describe('ExchangeOnline against the simulated tenant', () => {
  let tenant: Tenant;
  before(async () => {
    tenant = await startTenant(ADAPTER_SEED);
    await tenant.setFaults({ exoCmdletsPer5s: 10_000 });
  });
  after(() => tenant.close());
  beforeEach(() => tenant.clearJournal());

  it('maps a shared mailbox with its forwarding stripped of smtp:', async () => {
    const access = await tenant.exchange.readAccess('info@contoso.com');
    assert.ok(access);
    assert.deepEqual(access.mailbox, {
      id: ids.info,
      displayName: 'Info',
      address: 'info@contoso.com',
      kind: 'shared',
      hiddenFromAddressLists: true,
      forwardingSmtpAddress: 'partner@fabrikam.com',
      deliverToMailboxAndForward: true,
      messageCopyForSentAsEnabled: true,
      messageCopyForSendOnBehalfEnabled: false,
    });
  });

  it('reads every grant without SELF rows, keeping Deny, orphaned SIDs and Send on Behalf', async () => {
    const access = await tenant.exchange.readAccess('info@contoso.com');
    const grants = access?.grants ?? [];
    assert.ok(!grants.some((grant) => /SELF/.test(grant.trustee)));
    assert.deepEqual(grants.filter((grant) => grant.right === 'full-access' && !grant.trustee.startsWith('S-1-5-21-')), [
      { right: 'full-access', trustee: 'adele@contoso.com', deny: false },
      { right: 'full-access', trustee: 'Sales', deny: false },
      { right: 'full-access', trustee: 'dan@contoso.com', deny: true },
    ]);
    assert.equal(grants.filter((grant) => grant.right === 'full-access' && grant.trustee.startsWith('S-1-5-21-')).length, 1);
    assert.deepEqual(grants.filter((grant) => grant.right === 'send-as'), [
      { right: 'send-as', trustee: 'adele@contoso.com', deny: false },
      { right: 'send-as', trustee: 'Sales EMEA', deny: false },
    ]);
    const onBehalf = grants.filter((grant) => grant.right === 'send-on-behalf');
    assert.equal(onBehalf.length, 1);
    const resolved = await tenant.directory.resolveTrustees(onBehalf.map((grant) => grant.trustee));
    const megan = resolved.get(onBehalf[0]!.trustee);
    assert.equal(megan?.kind === 'user' && megan.user.displayName, 'Megan Bowen');
  });

  it('reads a mailbox in one Exchange request carrying three cmdlets', async () => {
    const { requests } = await tenant.roundTrips(() => tenant.exchange.readAccess('info@contoso.com'));
    assert.deepEqual(requests, [{ method: 'POST', path: `/adminapi/beta/${tenant.sim.tenantId}/$batch` }]);
    const cmdlets = (await tenant.journal()).filter((entry) => entry.path.includes('/adminapi/')).map((entry) => entry.cmdlet);
    assert.deepEqual(cmdlets.sort(), ['Get-Mailbox', 'Get-MailboxPermission', 'Get-RecipientPermission']);
  });

  it('answers undefined when the mailbox does not exist', async () => {
    assert.equal(await tenant.exchange.readAccess('nobody@contoso.com'), undefined);
  });

  it('reads many mailboxes in batches of at most ten cmdlets, leaving out missing ones', async () => {
    const addresses = Array.from({ length: 12 }, (_, i) => `team${String(i).padStart(2, '0')}@contoso.com`);
    const found = await tenant.exchange.readAccessMany([...addresses, 'ghost@contoso.com']);
    assert.deepEqual(found.map((access) => access.mailbox.address), addresses);
    assert.ok(found.every((access) => access.grants.length === 1 && access.grants[0]!.right === 'full-access'));
    const cmdlets = (await tenant.journal()).filter((entry) => entry.cmdlet);
    assert.equal(cmdlets.length, 39);
    const { requests } = await tenant.roundTrips(() => tenant.exchange.readAccessMany(addresses));
    assert.equal(requests.length, 4);
  });

  it('reads each mailbox size and sign-in state inside the same batches when the caller asks for them', async () => {
    const addresses = Array.from({ length: 5 }, (_, i) => `team${String(i).padStart(2, '0')}@contoso.com`);
    const { result: found, requests } = await tenant.roundTrips(() => tenant.exchange.readAccessMany(addresses, { withSize: true, withAccount: true }));
    assert.equal(requests.length, 2, 'twenty cmdlets, two batches');
    assert.ok(found.every((access) => typeof access.sizeBytes === 'number' && access.accountEnabled === false), JSON.stringify(found.map((a) => [a.sizeBytes, a.accountEnabled])));
    const statistics = (await tenant.journal()).filter((entry) => entry.cmdlet === 'Get-MailboxStatistics');
    assert.equal(statistics.length, 5);
    const plain = await tenant.exchange.readAccessMany(addresses);
    assert.ok(plain.every((access) => access.sizeBytes === undefined && access.accountEnabled === undefined));
  });

  it('finds mailboxes by address, by name, and nothing for an unknown address', async () => {
    assert.deepEqual((await tenant.exchange.findMailboxes('support@contoso.com')).map((m) => m.id), [ids.support]);
    assert.equal((await tenant.exchange.findMailboxes('Team')).length, 12);
    assert.deepEqual(await tenant.exchange.findMailboxes('ghost@contoso.com'), []);
    await assert.rejects(tenant.exchange.findMailboxes('  '), (error: unknown) => error instanceof AppError && error.code === 'invalid');
  });

  it('lists shared mailboxes only', async () => {
    const shared = await tenant.exchange.listSharedMailboxes();
    assert.equal(shared.length, SHARED_MAILBOX_COUNT);
    assert.ok(shared.every((mailbox) => mailbox.kind === 'shared'));
    assert.ok(!shared.some((mailbox) => mailbox.id === ids.projects));
  });
});
