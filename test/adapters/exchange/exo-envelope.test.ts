import assert from 'node:assert/strict';
import { errorDetail, parsePage } from '../../../src/adapters/exchange/exo-envelope';
import { fullAccessGrants, sendAsGrants, toMailbox } from '../../../src/adapters/exchange/exo-mapping';
import { describeCall, cmdletFor } from '../../../src/adapters/exchange/exo-operations';

describe('Exchange envelopes', () => {
  it('strips annotation sidecars and the paging warning', () => {
    const page = parsePage({
      '@adminapi.warnings': ['There are more results available than are currently displayed. To view them, increase the value for the ResultSize parameter.', 'kept'],
      value: [{ 'Guid@data.type': 'System.Guid', Guid: 'g', 'EmailAddresses@odata.type': '#Collection(String)', EmailAddresses: [] }],
      '@odata.nextLink': 'https://outlook.office.com/next',
    });
    assert.deepEqual(page, { rows: [{ Guid: 'g', EmailAddresses: [] }], warnings: ['kept'], nextLink: 'https://outlook.office.com/next' });
  });

  it('prefers the details message, after its last bar, then the internal exception, then the message', () => {
    const details = JSON.stringify({ error: { code: 'NotFound', message: 'Error executing cmdlet', details: [{ message: "Ex6F9304|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|The operation couldn't be performed because object 'x' couldn't be found on 'DC1'." }] } });
    assert.deepEqual(errorDetail(404, details), {
      detail: "The operation couldn't be performed because object 'x' couldn't be found on 'DC1'.",
      exceptionType: 'Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException',
    });
    const inner = JSON.stringify({ error: { message: 'Invalid Operation', innererror: { internalexception: { message: 'Cannot convert value', type: 'ParameterTransformationException' } } } });
    assert.deepEqual(errorDetail(400, inner), { detail: 'Cannot convert value', exceptionType: 'ParameterTransformationException' });
    assert.deepEqual(errorDetail(400, JSON.stringify({ error: { message: 'Invalid Operation' } })), { detail: 'Invalid Operation' });
  });

  it('reads a 403 made of NUL bytes as a missing role or unknown cmdlet', () => {
    assert.match(errorDetail(403, '\u0000\u0000\u0000').detail, /Not authorized/);
  });
});

describe('Exchange rows to domain', () => {
  it('keys SELF on its SID, splits comma-joined rights and keeps Deny entries', () => {
    const grants = fullAccessGrants([
      { User: 'NT AUTHORITY\\SELF', UserSid: 'S-1-5-10', AccessRights: ['FullAccess, ReadPermission'], Deny: false, IsInherited: false },
      { User: 'AUTORITE NT\\SELF', UserSid: 'S-1-5-10', AccessRights: ['FullAccess'], Deny: false, IsInherited: false },
      { User: 'alice@contoso.com', AccessRights: ['ReadPermission, FullAccess'], Deny: false, IsInherited: false },
      { User: 'bob@contoso.com', AccessRights: ['FullAccess'], Deny: true, IsInherited: false },
      { User: 'Organization Management', AccessRights: ['FullAccess'], Deny: false, IsInherited: true },
      { User: 'carol@contoso.com', AccessRights: ['ReadPermission'], Deny: false, IsInherited: false },
    ]);
    assert.deepEqual(grants, [
      { right: 'full-access', trustee: 'alice@contoso.com', deny: false },
      { right: 'full-access', trustee: 'bob@contoso.com', deny: true },
    ]);
    assert.deepEqual(sendAsGrants([
      { Trustee: 'NT AUTHORITY\\SELF', TrusteeSidString: 'S-1-5-10', AccessRights: ['SendAs'], AccessControlType: 'Allow' },
      { Trustee: 'dan@contoso.com', AccessRights: ['SendAs'], AccessControlType: 'Deny' },
    ]), [{ right: 'send-as', trustee: 'dan@contoso.com', deny: true }]);
  });

  it('maps kinds and strips smtp: from external forwarding', () => {
    const mailbox = toMailbox({ ExternalDirectoryObjectId: 'id1', DisplayName: 'Room 1', PrimarySmtpAddress: 'room1@contoso.com', RecipientTypeDetails: 'RoomMailbox', ForwardingSmtpAddress: 'smtp:x@fabrikam.com' });
    assert.equal(mailbox.kind, 'room');
    assert.equal(mailbox.forwardingSmtpAddress, 'x@fabrikam.com');
    assert.equal(toMailbox({ RecipientTypeDetails: 'SchedulingMailbox' }).kind, 'other');
  });

  it('writes each change as the PowerShell line that ran', () => {
    assert.equal(
      describeCall(cmdletFor({ kind: 'add-full-access', mailbox: 'info@contoso.com', trustee: "o'neil@contoso.com", autoMapping: false })),
      "Add-MailboxPermission -Identity 'info@contoso.com' -User 'o''neil@contoso.com' -AccessRights FullAccess -AutoMapping $false -InheritanceType All -Confirm:$false",
    );
    assert.equal(
      describeCall(cmdletFor({ kind: 'add-send-on-behalf', mailbox: 'info@contoso.com', trustee: 'bob@contoso.com' })),
      "Set-Mailbox -Identity 'info@contoso.com' -GrantSendOnBehalfTo @{add='bob@contoso.com'} -Confirm:$false",
    );
  });
});
