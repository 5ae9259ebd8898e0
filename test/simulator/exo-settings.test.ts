import assert from 'node:assert/strict';
import { ids, startHarness, type Harness } from './helpers';

describe('simulator: EXO Set-Mailbox, New-Mailbox, statistics and auto-replies', () => {
  let h: Harness;
  before(async () => { h = await startHarness(); });
  after(async () => { await h.sim.close(); });
  beforeEach(async () => { await h.reset(); });

  const mailbox = async (identity: string) => (await h.exo('Get-Mailbox', { Identity: identity })).body.value[0];

  it('adds and removes Send on Behalf through a GenericHashTable', async () => {
    const add = await h.exo('Set-Mailbox', { Identity: 'sales@contoso.com', GrantSendonBehalfTo: { '@odata.type': '#Exchange.GenericHashTable', add: ['megan@contoso.com', 'adele@contoso.com'] }, Confirm: false });
    assert.equal(add.status, 200);
    assert.deepEqual(add.body.value, []);
    assert.deepEqual((await mailbox('sales')).GrantSendOnBehalfTo, [ids.megan, ids.adele]);
    await h.exo('Set-Mailbox', { Identity: 'sales', GrantSendOnBehalfTo: { '@odata.type': '#Exchange.GenericHashTable', remove: 'megan@contoso.com' } });
    assert.deepEqual((await mailbox('sales')).GrantSendOnBehalfTo, [ids.adele]);
    await h.exo('Set-Mailbox', { Identity: 'sales', GrantSendOnBehalfTo: ['alex@contoso.com'] });
    assert.deepEqual((await mailbox('sales')).GrantSendOnBehalfTo, [ids.alex]);
  });

  it('warns that nothing was modified when the change is already in place', async () => {
    const { status, body } = await h.exo('Set-Mailbox', { Identity: 'info@contoso.com', DeliverToMailboxAndForward: true });
    assert.equal(status, 200);
    assert.deepEqual(body['@adminapi.warnings'], [`The command completed successfully but no settings of '${ids.info}' have been modified.`]);
  });

  it('stores forwarding with the smtp: prefix and clears it with null', async () => {
    await h.exo('Set-Mailbox', { Identity: 'sales', ForwardingSmtpAddress: 'ext@fabrikam.example', DeliverToMailboxAndForward: true });
    assert.equal((await mailbox('sales')).ForwardingSmtpAddress, 'smtp:ext@fabrikam.example');
    await h.exo('Set-Mailbox', { Identity: 'sales', ForwardingSmtpAddress: null, ForwardingAddress: 'adele@contoso.com' });
    const after = await mailbox('sales');
    assert.equal(after.ForwardingSmtpAddress, null);
    assert.equal(after.ForwardingAddress, ids.adele);
  });

  it('changes the copy, GAL and type settings', async () => {
    await h.exo('Set-Mailbox', { Identity: 'diego@contoso.com', Type: 'Shared', MessageCopyForSentAsEnabled: true, MessageCopyForSendOnBehalfEnabled: true, HiddenFromAddressListsEnabled: true });
    const after = await mailbox('diego');
    assert.equal(after.RecipientTypeDetails, 'SharedMailbox');
    assert.equal(after.MessageCopyForSentAsEnabled, true);
    assert.equal(after.MessageCopyForSendOnBehalfEnabled, true);
    assert.equal(after.HiddenFromAddressListsEnabled, true);
    const bad = await h.exo('Set-Mailbox', { Identity: 'diego', Type: 'Castle' });
    assert.equal(bad.status, 400);
  });

  it('creates a shared mailbox with an enabled Entra account and refuses an address in use', async () => {
    const created = await h.exo('New-Mailbox', { Shared: true, Name: 'support', DisplayName: 'Support', PrimarySmtpAddress: 'support@contoso.com' });
    assert.equal(created.status, 200);
    const row = created.body.value[0];
    assert.equal(row.RecipientTypeDetails, 'SharedMailbox');
    assert.equal(row.AccountDisabled, false);
    const user = await h.graph('GET', `users/${row.ExternalDirectoryObjectId}?$select=accountEnabled,userPrincipalName`);
    assert.deepEqual(user.body.accountEnabled, true);
    assert.equal(user.body.userPrincipalName, 'support@contoso.com');
    const clash = await h.exo('New-Mailbox', { Shared: true, Name: 'x', DisplayName: 'X', PrimarySmtpAddress: 'hello@contoso.com' });
    assert.equal(clash.status, 400);
    assert.match(clash.body.error.details[0].message, /The proxy address "SMTP:hello@contoso.com" is already being used by the proxy addresses or LegacyExchangeDN of/);
  });

  it('refuses New-Mailbox without -Shared with the parameter-set error', async () => {
    const { status, body } = await h.exo('New-Mailbox', { Name: 'plain', PrimarySmtpAddress: 'plain@contoso.com' });
    assert.equal(status, 400);
    assert.match(body.error.innererror.internalexception.message, /^Parameter set cannot be resolved/);
  });

  it('removes Send on Behalf by object id and answers not-found for an unknown trustee', async () => {
    await h.exo('Set-Mailbox', { Identity: 'sales', GrantSendOnBehalfTo: ['alex@contoso.com'] });
    const remove = await h.exo('Set-Mailbox', { Identity: 'sales', GrantSendOnBehalfTo: { remove: 'ghost@contoso.com' } });
    assert.equal(remove.status, 404);
    assert.deepEqual((await mailbox('sales')).GrantSendOnBehalfTo, [ids.alex]);
    await h.exo('Set-Mailbox', { Identity: 'sales', GrantSendOnBehalfTo: { remove: ids.alex.toUpperCase() } });
    assert.deepEqual((await mailbox('sales')).GrantSendOnBehalfTo, []);
  });

  it('reports TotalItemSize from the seed size', async () => {
    const { body } = await h.exo('Get-MailboxStatistics', { Identity: 'sales@contoso.com' });
    assert.equal(body.value[0].TotalItemSize, '768 MB (805,306,368 bytes)');
  });

  it('shares auto-reply state between Set-MailboxAutoReplyConfiguration and Graph mailboxSettings', async () => {
    await h.exo('Set-MailboxAutoReplyConfiguration', { Identity: 'info', AutoReplyState: 'Scheduled', ExternalAudience: 'Known', InternalMessage: 'Away', StartTime: '2026-12-01T08:00:00', EndTime: '2026-12-02T08:00:00' });
    const graph = await h.graph('GET', `users/${ids.info}/mailboxSettings/automaticRepliesSetting`);
    assert.equal(graph.body.status, 'scheduled');
    assert.equal(graph.body.externalAudience, 'contactsOnly');
    assert.equal(graph.body.internalReplyMessage, 'Away');
    assert.equal(graph.body.scheduledStartDateTime.dateTime, '2026-12-01T08:00:00.0000000');
    await h.graph('PATCH', `users/${ids.info}/mailboxSettings`, { automaticRepliesSetting: { status: 'disabled' } });
    const exo = (await h.exo('Get-MailboxAutoReplyConfiguration', { Identity: 'info' })).body.value[0];
    assert.equal(exo.AutoReplyState, 'Disabled');
    assert.equal(exo.ExternalAudience, 'Known');
  });
});
