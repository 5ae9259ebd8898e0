import { strict as assert } from 'node:assert';
import { cmdletFor, describeCall } from '../../../src/adapters/exchange/exo-operations';

describe('settings cmdlets', () => {
  it('clears both forwarding targets with nulls when forwarding stops', () => {
    const call = cmdletFor({ kind: 'set-forwarding', mailbox: 'info@contoso.com', smtpAddress: null, recipient: null, keepCopy: false });
    assert.deepEqual(call, {
      cmdlet: 'Set-Mailbox',
      parameters: { Identity: 'info@contoso.com', ForwardingSmtpAddress: null, ForwardingAddress: null, DeliverToMailboxAndForward: false, Confirm: false },
    });
    assert.equal(
      describeCall(call),
      "Set-Mailbox -Identity 'info@contoso.com' -ForwardingSmtpAddress $null -ForwardingAddress $null -DeliverToMailboxAndForward $false -Confirm:$false",
    );
  });

  it('sets both Sent Items switches together when copies are turned on', () => {
    const { parameters } = cmdletFor({ kind: 'set-sent-items-copy', mailbox: 'info@contoso.com', enabled: true });
    assert.equal(parameters.MessageCopyForSentAsEnabled, true);
    assert.equal(parameters.MessageCopyForSendOnBehalfEnabled, true);
  });

  it('creates a shared mailbox with New-Mailbox -Shared and converts with -Type Shared', () => {
    assert.deepEqual(cmdletFor({ kind: 'new-shared-mailbox', mailbox: 'support@contoso.com', name: 'support', displayName: 'Support' }), {
      cmdlet: 'New-Mailbox',
      parameters: { Shared: true, Name: 'support', DisplayName: 'Support', PrimarySmtpAddress: 'support@contoso.com' },
    });
    assert.deepEqual(cmdletFor({ kind: 'convert-to-shared', mailbox: 'anna@contoso.com' }).parameters, { Identity: 'anna@contoso.com', Type: 'Shared', Confirm: false });
  });
});
