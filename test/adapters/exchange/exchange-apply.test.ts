import assert from 'node:assert/strict';
import { ExchangeCommandError } from '../../../src/adapters/exchange/exo-envelope';
import { toAppError } from '../../../src/adapters/exchange/exo-errors';
import { AppError } from '../../../src/domain/errors';
import type { Tenant } from '../../support/simulator-env';
import { adapterTenantForAllTests } from '../shared-tenant';

describe('ExchangeOnline.apply against the simulated tenant', () => {
  let tenant: Tenant;
  adapterTenantForAllTests((started) => void (tenant = started));

  const rightsOf = async (trustee: string) =>
    ((await tenant.exchange.readAccess('support@contoso.com'))?.grants ?? []).filter((grant) => grant.trustee === trustee).map((grant) => grant.right).sort();

  it('grants and revokes each right, and reports the cmdlet that ran', async () => {
    const mailbox = 'support@contoso.com';
    const trustee = 'bob@contoso.com';
    const added = await tenant.exchange.apply({ kind: 'add-full-access', mailbox, trustee, autoMapping: false });
    assert.equal(added.ran, "Add-MailboxPermission -Identity 'support@contoso.com' -User 'bob@contoso.com' -AccessRights FullAccess -AutoMapping $false -InheritanceType All -Confirm:$false");
    await tenant.exchange.apply({ kind: 'add-send-as', mailbox, trustee });
    await tenant.exchange.apply({ kind: 'add-send-on-behalf', mailbox, trustee });
    const journal = await tenant.journal();
    assert.deepEqual(journal.filter((e) => e.cmdlet === 'Add-MailboxPermission').at(-1)?.parameters, {
      Identity: mailbox, User: trustee, AccessRights: ['FullAccess'], AutoMapping: false, InheritanceType: 'All', Confirm: false,
    });
    assert.equal((await rightsOf(trustee)).length, 2);
    const onBehalf = (await tenant.exchange.readAccess(mailbox))?.grants.filter((grant) => grant.right === 'send-on-behalf') ?? [];
    assert.equal(onBehalf.length, 1);

    await tenant.exchange.apply({ kind: 'remove-full-access', mailbox, trustee });
    await tenant.exchange.apply({ kind: 'remove-send-as', mailbox, trustee });
    await tenant.exchange.apply({ kind: 'remove-send-on-behalf', mailbox, trustee });
    const after = await tenant.exchange.readAccess(mailbox);
    assert.deepEqual(after?.grants, []);
  });

  it('reports a repeated grant or a missing removal as a warning, not an error', async () => {
    const mailbox = 'support@contoso.com';
    const trustee = 'adele@contoso.com';
    await tenant.exchange.apply({ kind: 'add-send-as', mailbox, trustee });
    const again = await tenant.exchange.apply({ kind: 'add-send-as', mailbox, trustee });
    assert.match(again.warnings.join('\n'), /already present/);
    const missing = await tenant.exchange.apply({ kind: 'remove-full-access', mailbox, trustee });
    assert.match(missing.warnings.join('\n'), /doesn't exist/);
    const missingDelegate = await tenant.exchange.apply({ kind: 'remove-send-on-behalf', mailbox, trustee });
    assert.match(missingDelegate.warnings.join('\n'), /no settings of .* have been modified/);
    await tenant.exchange.apply({ kind: 'remove-send-as', mailbox, trustee });
  });

  it('says which mailbox Exchange could not find', async () => {
    await assert.rejects(
      tenant.exchange.apply({ kind: 'add-send-as', mailbox: 'ghost@contoso.com', trustee: 'adele@contoso.com' }),
      (error: unknown) => error instanceof AppError && error.code === 'not-found' && /ghost@contoso\.com/.test(error.message) && error.cause !== undefined,
    );
  });

  it('says which person or group Exchange could not find', async () => {
    await assert.rejects(
      tenant.exchange.apply({ kind: 'add-full-access', mailbox: 'support@contoso.com', trustee: 'ghost@contoso.com', autoMapping: true }),
      (error: unknown) => error instanceof AppError && error.code === 'not-found' && /ghost@contoso\.com/.test(error.message),
    );
    await assert.rejects(
      tenant.exchange.apply({ kind: 'add-full-access', mailbox: 'support@contoso.com', trustee: '', autoMapping: true }),
      (error: unknown) => error instanceof AppError && error.code === 'not-found' && /person or group/.test(error.message),
    );
  });

  it('turns a cmdlet Exchange rejects into an invalid-input error, keeping the service detail but no token', async () => {
    const failure: unknown = await tenant.exchangeClient.invoke({ cmdlet: 'Get-Mailbox', parameters: { Bogus: 1 } }).catch((error: unknown) => error);
    const error = toAppError(failure, 'info@contoso.com');
    assert.equal(error.code, 'invalid');
    assert.match(error.message, /Invalid cmdlet parameters specified\. Bogus/);
    assert.ok(error.cause instanceof ExchangeCommandError);
    assert.doesNotMatch(JSON.stringify({ ...error.cause }), /Bearer|eyJ/);
  });
});
