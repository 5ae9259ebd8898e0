import assert from 'node:assert/strict';
import { ids, startHarness, type Harness } from './helpers';

describe('simulator: EXO InvokeCommand envelope and Get-Mailbox', () => {
  let h: Harness;
  before(async () => { h = await startHarness(); });
  after(async () => { await h.sim.close(); });

  it('answers the service envelope with annotations when Get-Mailbox names an address', async () => {
    const { status, body } = await h.exo('get-mailbox', { identity: 'info@contoso.com' });
    assert.equal(status, 200);
    assert.match(body['@odata.context'], /\/adminapi\/beta\/.+\/\$metadata#Collection\(Exchange\.GenericHashTable\)$/);
    assert.equal(body['adminapi.warnings@odata.type'], '#Collection(String)');
    assert.deepEqual(body['@adminapi.warnings'], []);
    assert.equal(body.value.length, 1);
    const mailbox = body.value[0];
    assert.equal(mailbox.Name, ids.info);
    assert.equal(mailbox.Identity, ids.info);
    assert.equal(mailbox.ExternalDirectoryObjectId, ids.info);
    assert.equal(mailbox.PrimarySmtpAddress, 'info@contoso.com');
    assert.equal(mailbox.UserPrincipalName, 'info@contoso.com');
    assert.equal(mailbox.RecipientTypeDetails, 'SharedMailbox');
    assert.equal(mailbox.IsShared, true);
    assert.equal(mailbox.AccountDisabled, true);
    assert.equal(mailbox.ForwardingSmtpAddress, 'smtp:partner@fabrikam.example');
    assert.equal(mailbox.DeliverToMailboxAndForward, true);
    assert.deepEqual(mailbox.GrantSendOnBehalfTo, [ids.alex, ids.financeTeam]);
    assert.equal(mailbox['GrantSendOnBehalfTo@odata.type'], '#Collection(String)');
    assert.ok(mailbox.EmailAddresses.includes('SMTP:info@contoso.com'));
    assert.ok(mailbox.EmailAddresses.includes('smtp:hello@contoso.com'));
    assert.equal(mailbox['Guid@data.type'], 'System.Guid');
    assert.equal(mailbox['Guid@odata.type'], '#Guid');
    assert.equal(mailbox['WhenCreated@data.type'], 'System.DateTime');
    assert.match(mailbox.WhenCreated, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}\+00:00$/);
    assert.match(mailbox.WhenCreatedUTC, /Z$/);
    assert.match(mailbox.ProhibitSendQuota, /^[\d.]+ GB \([\d,]+ bytes\)$/);
  });

  it('resolves any proxy address, alias, display name, object id and Exchange GUID', async () => {
    const exchangeGuid = (await h.exo('Get-Mailbox', { Identity: 'finance' })).body.value[0].ExchangeGuid;
    for (const identity of ['smtp:hello@contoso.com', 'FINANCE', 'Finance Desk', ids.finance, exchangeGuid]) {
      const { status, body } = await h.exo('Get-Mailbox', { Identity: identity });
      assert.equal(status, 200, identity);
      assert.ok([ids.info, ids.finance].includes(body.value[0].Name), identity);
    }
    const renamed = (await h.exo('Get-Mailbox', { Identity: 'Finance Desk' })).body.value[0];
    assert.equal(renamed.Alias, 'finance');
    assert.equal(renamed.DisplayName, 'Finance Desk');
    assert.equal(renamed.HiddenFromAddressListsEnabled, true);
  });

  it('lists only shared mailboxes when RecipientTypeDetails or Filter asks for them', async () => {
    const byType = await h.exo('Get-Mailbox', { RecipientTypeDetails: 'SharedMailbox', ResultSize: 'Unlimited' });
    assert.deepEqual(byType.body.value.map((m: { Name: string }) => m.Name).sort(), [ids.info, ids.finance, ids.reception, ids.sales].sort());
    const byFilter = await h.exo('Get-Mailbox', { Filter: "RecipientTypeDetails -eq 'SharedMailbox'", ResultSize: 'Unlimited' });
    assert.equal(byFilter.body.value.length, 4);
    const users = await h.exo('Get-Mailbox', { RecipientTypeDetails: ['UserMailbox'] });
    assert.deepEqual(users.body.value.map((m: { Name: string; IsShared: boolean }) => [m.Name, m.IsShared]), [[ids.diego, false]]);
  });

  it('answers NotFound when the named mailbox is not of the requested type', async () => {
    assert.equal((await h.exo('Get-Mailbox', { Identity: 'diego@contoso.com', RecipientTypeDetails: 'SharedMailbox' })).status, 404);
    assert.equal((await h.exo('Get-Mailbox', { Identity: 'info@contoso.com', RecipientTypeDetails: 'SharedMailbox' })).status, 200);
  });

  it('matches Anr by prefix of display name, alias or address', async () => {
    const { body } = await h.exo('Get-Mailbox', { Anr: 'rece' });
    assert.deepEqual(body.value.map((m: { Name: string }) => m.Name), [ids.reception]);
    assert.equal((await h.exo('Get-Mailbox', { Anr: 'Desk' })).body.value[0].Name, ids.finance);
  });

  it('keeps only the selected properties and their annotations when $select is given', async () => {
    const { body } = await h.exo('Get-Mailbox', { Identity: 'sales@contoso.com' }, { query: '?$select=PrimarySmtpAddress,Guid,GrantSendOnBehalfTo' });
    assert.deepEqual(Object.keys(body.value[0]).sort(), ['GrantSendOnBehalfTo', 'GrantSendOnBehalfTo@odata.type', 'Guid', 'Guid@data.type', 'Guid@odata.type', 'PrimarySmtpAddress'].sort());
  });

  it('pages with odata.maxpagesize and continues when the same body is posted to the nextLink', async () => {
    const headers = { Prefer: 'odata.maxpagesize=2' };
    const first = await h.exo('Get-Mailbox', { ResultSize: 'Unlimited' }, { headers, query: '?$select=Name' });
    assert.equal(first.body.value.length, 2);
    assert.ok(first.body['@adminapi.warnings'].some((w: string) => w.startsWith('There are more results available')));
    const names = first.body.value.map((m: { Name: string }) => m.Name);
    let next: string | undefined = first.body['@odata.nextLink'];
    while (next) {
      const page = await h.exo('Get-Mailbox', { ResultSize: 'Unlimited' }, { headers, url: next });
      assert.equal(page.status, 200);
      names.push(...page.body.value.map((m: { Name: string }) => m.Name));
      next = page.body['@odata.nextLink'];
    }
    assert.equal(new Set(names).size, 5);
  });

  it('truncates to ResultSize with the more-results warning', async () => {
    const { body } = await h.exo('Get-Mailbox', { ResultSize: 2 });
    assert.equal(body.value.length, 2);
    assert.equal(body['@odata.nextLink'], undefined);
    assert.ok(body['@adminapi.warnings'][0].includes('increase the value for the ResultSize parameter'));
  });

  it('answers NotFound with ManagementObjectNotFoundException when the identity is unknown', async () => {
    const { status, body } = await h.exo('Get-Mailbox', { Identity: 'nobody@contoso.com' });
    assert.equal(status, 404);
    assert.equal(body.error.code, 'NotFound');
    assert.equal(body.error.message, 'Error executing cmdlet');
    const [errorId, type, text] = body.error.details[0].message.split('|');
    assert.equal(errorId, 'Ex6F9304');
    assert.equal(type, 'Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException');
    assert.match(text, /object 'nobody@contoso.com' couldn't be found/);
    assert.deepEqual(body.error['@adminapi.warnings'], []);
  });

  it('answers the multiple-entries error when an identity matches several mailboxes', async () => {
    await h.exo('New-Mailbox', { Shared: true, Name: 'twin-a', DisplayName: 'Twin', PrimarySmtpAddress: 'twin-a@contoso.com' });
    await h.exo('New-Mailbox', { Shared: true, Name: 'twin-b', DisplayName: 'Twin', PrimarySmtpAddress: 'twin-b@contoso.com' });
    const { status, body } = await h.exo('Get-Mailbox', { Identity: 'Twin' });
    assert.equal(status, 400);
    assert.match(body.error.details[0].message, /matches multiple entries/);
  });

  it('answers 400 AmbiguousParameterSetException when a parameter is unknown', async () => {
    const { status, body } = await h.exo('Get-Mailbox', { Identity: 'info@contoso.com', BogusParameter: 1 });
    assert.equal(status, 400);
    assert.equal(body.error.message, 'Invalid Operation');
    assert.equal(body.error.innererror.internalexception.type, 'Microsoft.Exchange.AdminApi.CommandInvocation.AmbiguousParameterSetException');
    assert.match(body.error.details[0].message, /Invalid cmdlet parameters specified\. BogusParameter$/);
  });

  it('answers 400 ParameterTransformationException when an enum value is wrong', async () => {
    const { status, body } = await h.exo('Get-Mailbox', { RecipientTypeDetails: 'Nonsense' });
    assert.equal(status, 400);
    assert.equal(body.error.innererror.internalexception.type, 'Microsoft.Exchange.AdminApi.CommandInvocation.ParameterTransformationException');
    assert.match(body.error.innererror.internalexception.message, /Specify one of the following enumerator names/);
  });

  it('answers 403 with NUL bytes when the cmdlet does not exist', async () => {
    const { status, raw } = await h.exo('Remove-Everything', {});
    assert.equal(status, 403);
    assert.ok(raw.every((byte) => byte === 0));
  });
});
