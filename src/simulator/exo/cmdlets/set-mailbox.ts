import type { SimContext } from '../../context';
import { isRecord } from '../../http';
import { key, type MailboxState } from '../../state';
import type { CmdletSpec, Params } from '../cmdlet';
import { boolParam, stringParam } from '../cmdlet';
import { exoErrors } from '../errors';
import { mailboxOrThrow, principalOrThrow, touch } from '../resolve';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const setMailbox: CmdletSpec = {
  name: 'Set-Mailbox',
  parameters: ['Identity', 'GrantSendOnBehalfTo', 'ForwardingSmtpAddress', 'ForwardingAddress', 'DeliverToMailboxAndForward',
    'MessageCopyForSentAsEnabled', 'MessageCopyForSendOnBehalfEnabled', 'HiddenFromAddressListsEnabled', 'Type', 'DisplayName', 'Force'],
  mandatory: ['Identity'],
  enums: { Type: { typeName: 'Microsoft.Exchange.Management.RecipientTasks.ConvertibleMailboxSubType', values: ['Regular', 'Room', 'Equipment', 'Shared', 'Workspace'] } },
  run(ctx, params) {
    const identity = stringParam(params, 'Identity') as string;
    const mailbox = mailboxOrThrow(ctx, identity);
    const before = JSON.stringify(mailbox);
    const next = structuredClone(mailbox);
    applyChanges(ctx, next, params);
    if (JSON.stringify(next) === before) {
      return { rows: [], warnings: [`The command completed successfully but no settings of '${mailbox.id}' have been modified.`] };
    }
    Object.assign(mailbox, next);
    touch(ctx, mailbox);
    return { rows: [], warnings: [] };
  },
};

function applyChanges(ctx: SimContext, mailbox: MailboxState, params: Params): void {
  if (params.has('GrantSendOnBehalfTo')) mailbox.sendOnBehalf = sendOnBehalf(ctx, mailbox.sendOnBehalf, params.get('GrantSendOnBehalfTo'));
  if (params.has('ForwardingSmtpAddress')) {
    const value = stringParam(params, 'ForwardingSmtpAddress');
    const bare = value?.replace(/^smtp:/i, '').trim();
    if (bare !== undefined && bare !== '' && !EMAIL.test(bare)) {
      throw exoErrors.badArgument('ForwardingSmtpAddress', `Cannot convert value "${value}" to type "Microsoft.Exchange.Data.ProxyAddress". Error: "The address '${value}' is invalid: "${bare}" isn't a valid SMTP address.`);
    }
    mailbox.forwardingSmtpAddress = bare ? bare : null;
  }
  if (params.has('ForwardingAddress')) {
    const value = stringParam(params, 'ForwardingAddress');
    mailbox.forwardingAddress = value ? idOf(principalOrThrow(ctx, value)) : null;
  }
  const flags = [
    ['DeliverToMailboxAndForward', 'deliverToMailboxAndForward'],
    ['MessageCopyForSentAsEnabled', 'messageCopyForSentAsEnabled'],
    ['MessageCopyForSendOnBehalfEnabled', 'messageCopyForSendOnBehalfEnabled'],
    ['HiddenFromAddressListsEnabled', 'hiddenFromAddressLists'],
  ] as const;
  for (const [param, field] of flags) {
    const value = boolParam(params, param);
    if (value !== undefined) mailbox[field] = value;
  }
  const displayName = stringParam(params, 'DisplayName');
  if (displayName) mailbox.displayName = displayName;
  const type = (params.get('Type') as string[] | undefined)?.[0];
  if (type === 'Shared') mailbox.type = 'shared';
  else if (type === 'Regular') mailbox.type = 'user';
  else if (type) throw exoErrors.invalidValue(`Converting to a ${type} mailbox isn't supported by this tenant.`);
}

function sendOnBehalf(ctx: SimContext, current: string[], value: unknown): string[] {
  if (value === null) return [];
  if (isRecord(value)) {
    let result = [...current];
    for (const [name, items] of Object.entries(value)) {
      if (name.startsWith('@')) continue;
      const removing = name.toLowerCase() === 'remove';
      const ids = asList(items).map((identity) => (removing && result.find((id) => key(id) === key(identity))) || idOf(principalOrThrow(ctx, identity)));
      if (name.toLowerCase() === 'add') result = [...result, ...ids.filter((id) => !result.some((r) => key(r) === key(id)))];
      else if (removing) result = result.filter((r) => !ids.some((id) => key(id) === key(r)));
      else throw exoErrors.badArgument('GrantSendOnBehalfTo', `The hashtable key "${name}" isn't valid. Use Add or Remove.`);
    }
    return result;
  }
  const ids = asList(value).map((identity) => idOf(principalOrThrow(ctx, identity)));
  return ids.filter((id, index) => ids.findIndex((other) => key(other) === key(id)) === index);
}

function asList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}

function idOf(principal: ReturnType<typeof principalOrThrow>): string {
  return principal.kind === 'user' ? principal.user.id : principal.group.id;
}
