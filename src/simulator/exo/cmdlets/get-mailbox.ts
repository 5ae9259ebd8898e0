import type { SimContext } from '../../context';
import { type MailboxState } from '../../state';
import type { CmdletSpec, Params } from '../cmdlet';
import { enumParam, lazyRows, stringParam } from '../cmdlet';
import { exoErrors } from '../errors';
import { presentMailbox, recipientTypeDetails } from '../present';
import { mailboxOrThrow } from '../resolve';
import { compileFilter } from '../filter';
import type { ExoObject } from '../envelope';

export const RECIPIENT_TYPE_DETAILS = ['UserMailbox', 'SharedMailbox', 'RoomMailbox', 'EquipmentMailbox', 'SchedulingMailbox',
  'LinkedMailbox', 'LegacyMailbox', 'TeamMailbox', 'DiscoveryMailbox', 'GroupMailbox', 'MailUser', 'MailContact'];

export const getMailbox: CmdletSpec = {
  name: 'Get-Mailbox',
  parameters: ['Identity', 'RecipientTypeDetails', 'ResultSize', 'Anr', 'Filter', 'Archive', 'SoftDeletedMailbox', 'InactiveMailboxOnly',
    'IncludeInactiveMailbox', 'IncludeGrantSendOnBehalfToWithDisplayNames', 'GroupMailbox', 'PublicFolder', 'SortBy', 'PropertySets', 'Properties'],
  enums: { RecipientTypeDetails: { typeName: 'Microsoft.Exchange.Data.Directory.Recipient.RecipientTypeDetails[]', values: RECIPIENT_TYPE_DETAILS } },
  lists: true,
  run(ctx, params) {
    const identity = stringParam(params, 'Identity');
    const mailboxes = identity !== undefined ? [mailboxOfType(ctx, identity, enumParam(params, 'RecipientTypeDetails'))] : listMailboxes(ctx, params);
    const withNames = params.get('IncludeGrantSendOnBehalfToWithDisplayNames') === true;
    return { rows: lazyRows(mailboxes, (m) => withDisplayNames(ctx, presentMailbox(ctx, m), m, withNames)), warnings: [] };
  },
};

function mailboxOfType(ctx: SimContext, identity: string, types: string[] | undefined): MailboxState {
  const mailbox = mailboxOrThrow(ctx, identity);
  if (types && !types.includes(recipientTypeDetails(mailbox))) throw exoErrors.notFound(identity);
  return mailbox;
}

function listMailboxes(ctx: SimContext, params: Params): MailboxState[] {
  let rows = [...ctx.state.mailboxes.values()];
  const types = enumParam(params, 'RecipientTypeDetails');
  if (types) rows = rows.filter((m) => types.includes(recipientTypeDetails(m)));
  const anr = stringParam(params, 'Anr');
  if (anr !== undefined) rows = rows.filter((m) => anrMatches(ctx, m, anr));
  const filter = stringParam(params, 'Filter');
  if (filter !== undefined) {
    const test = compileFilter(filter);
    if (!test) throw exoErrors.badArgument('Filter', `Exception setting "Filter": "Invalid filter syntax. For a description of the filter parameter syntax see the command help.\n"${filter}" at position 1."`);
    rows = rows.filter((m) => test(presentMailbox(ctx, m)));
  }
  return rows.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

function anrMatches(ctx: SimContext, mailbox: MailboxState, anr: string): boolean {
  const prefix = anr.toLowerCase();
  const user = ctx.state.users.get(mailbox.id.toLowerCase());
  const names = [mailbox.displayName, mailbox.alias, mailbox.primarySmtpAddress.split('@')[0] ?? '',
    user?.givenName ?? '', user?.surname ?? '', ...mailbox.displayName.split(/\s+/)];
  return names.some((n) => n.toLowerCase().startsWith(prefix));
}

function withDisplayNames(ctx: SimContext, row: ExoObject, mailbox: MailboxState, enabled: boolean): ExoObject {
  if (!enabled) return row;
  row['GrantSendOnBehalfToWithDisplayNames@odata.type'] = '#Collection(String)';
  row['GrantSendOnBehalfToWithDisplayNames'] = mailbox.sendOnBehalf.map((id) => {
    const user = ctx.state.users.get(id.toLowerCase());
    return user ? `${user.displayName}` : id;
  });
  return row;
}
