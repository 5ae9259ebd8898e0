import type { SettingOperation } from '../../domain/request-operations';
import type { CmdletCall } from './exchange-client';

/** Set-Mailbox / New-Mailbox for settings; Set-Mailbox answers a repeat with a "no settings modified" warning. */
export function settingCmdlet(operation: SettingOperation): CmdletCall {
  const Identity = operation.mailbox;
  switch (operation.kind) {
    case 'set-forwarding':
      return {
        cmdlet: 'Set-Mailbox',
        parameters: {
          Identity,
          ForwardingSmtpAddress: operation.smtpAddress,
          ForwardingAddress: operation.recipient,
          DeliverToMailboxAndForward: operation.keepCopy,
          Confirm: false,
        },
      };
    case 'set-sent-items-copy':
      return {
        cmdlet: 'Set-Mailbox',
        parameters: {
          Identity,
          MessageCopyForSentAsEnabled: operation.enabled,
          MessageCopyForSendOnBehalfEnabled: operation.enabled,
          Confirm: false,
        },
      };
    case 'set-hidden':
      return { cmdlet: 'Set-Mailbox', parameters: { Identity, HiddenFromAddressListsEnabled: operation.hidden, Confirm: false } };
    case 'convert-to-shared':
      return { cmdlet: 'Set-Mailbox', parameters: { Identity, Type: 'Shared', Confirm: false } };
    case 'new-shared-mailbox':
      return {
        cmdlet: 'New-Mailbox',
        parameters: { Shared: true, Name: operation.name, DisplayName: operation.displayName, PrimarySmtpAddress: operation.mailbox },
      };
  }
}
