import type { ExchangeOperation } from '../../ports';
import type { CmdletCall } from './exchange-client';
import { settingCmdlet } from './exo-setting-operations';

/** The cmdlet that performs a change. Every one is safe to repeat: Exchange answers a repeat with a warning. */
export function cmdletFor(operation: ExchangeOperation): CmdletCall {
  if (!('trustee' in operation)) return settingCmdlet(operation);
  const { mailbox, trustee } = operation;
  switch (operation.kind) {
    case 'add-full-access':
      return call('Add-MailboxPermission', {
        Identity: mailbox,
        User: trustee,
        AccessRights: ['FullAccess'],
        AutoMapping: operation.autoMapping,
        InheritanceType: 'All',
        Confirm: false,
      });
    case 'remove-full-access':
      return call('Remove-MailboxPermission', { Identity: mailbox, User: trustee, AccessRights: ['FullAccess'], InheritanceType: 'All', Confirm: false });
    case 'add-send-as':
      return call('Add-RecipientPermission', { Identity: mailbox, Trustee: trustee, AccessRights: ['SendAs'], Confirm: false });
    case 'remove-send-as':
      return call('Remove-RecipientPermission', { Identity: mailbox, Trustee: trustee, AccessRights: ['SendAs'], Confirm: false });
    case 'add-send-on-behalf':
      return call('Set-Mailbox', { Identity: mailbox, GrantSendOnBehalfTo: { '@odata.type': '#Exchange.GenericHashTable', add: trustee }, Confirm: false });
    case 'remove-send-on-behalf':
      return call('Set-Mailbox', { Identity: mailbox, GrantSendOnBehalfTo: { '@odata.type': '#Exchange.GenericHashTable', remove: trustee }, Confirm: false });
  }
}

/** The call as a PowerShell line, for the audit log. */
export function describeCall({ cmdlet, parameters }: CmdletCall): string {
  const args = Object.entries(parameters).map(([name, value]) => (name === 'Confirm' ? `-Confirm:${powershell(value)}` : `-${name} ${powershell(value)}`));
  return [cmdlet, ...args].join(' ');
}

function powershell(value: unknown): string {
  if (value === null) return '$null';
  if (typeof value === 'boolean') return value ? '$true' : '$false';
  if (Array.isArray(value)) return value.map(powershell).join(',');
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([key]) => !key.startsWith('@'));
    return `@{${entries.map(([key, item]) => `${key}=${powershell(item)}`).join('; ')}}`;
  }
  const text = String(value);
  return /^[\w.-]+$/.test(text) ? text : `'${text.replace(/'/g, "''")}'`;
}

function call(cmdlet: string, parameters: Record<string, unknown>): CmdletCall {
  return { cmdlet, parameters };
}
