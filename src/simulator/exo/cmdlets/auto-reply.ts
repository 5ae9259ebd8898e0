import type { AutoReply } from '../../state';
import type { CmdletSpec } from '../cmdlet';
import { stringParam } from '../cmdlet';
import { setDate, type ExoObject } from '../envelope';
import { exoErrors } from '../errors';
import { mailboxOrThrow, touch } from '../resolve';

const STATE_TO_EXO: Record<AutoReply['status'], string> = { disabled: 'Disabled', alwaysEnabled: 'Enabled', scheduled: 'Scheduled' };
const AUDIENCE_TO_EXO: Record<AutoReply['externalAudience'], string> = { none: 'None', contactsOnly: 'Known', all: 'All' };

export const getMailboxAutoReplyConfiguration: CmdletSpec = {
  name: 'Get-MailboxAutoReplyConfiguration',
  parameters: ['Identity', 'ResultSize', 'UseCustomRouting'],
  mandatory: ['Identity'],
  run(ctx, params) {
    const mailbox = mailboxOrThrow(ctx, stringParam(params, 'Identity') as string);
    const reply = mailbox.autoReply;
    const row: ExoObject = {
      AutoReplyState: STATE_TO_EXO[reply.status],
      ExternalAudience: AUDIENCE_TO_EXO[reply.externalAudience],
      InternalMessage: reply.internalReplyMessage,
      ExternalMessage: reply.externalReplyMessage,
      CreateOOFEvent: false,
      OOFEventSubject: null,
      AutoDeclineFutureRequestsWhenOOF: false,
      DeclineEventsForScheduledOOF: false,
      DeclineAllEventsForScheduledOOF: false,
      DeclineMeetingMessage: null,
      MailboxOwnerId: mailbox.id,
      Identity: mailbox.id,
      IsValid: true,
    };
    setDate(row, 'StartTime', reply.start ?? ctx.now().toISOString());
    setDate(row, 'EndTime', reply.end ?? new Date(ctx.now().getTime() + 86_400_000).toISOString());
    return { rows: [row], warnings: [] };
  },
};

export const setMailboxAutoReplyConfiguration: CmdletSpec = {
  name: 'Set-MailboxAutoReplyConfiguration',
  parameters: ['Identity', 'AutoReplyState', 'ExternalAudience', 'InternalMessage', 'ExternalMessage', 'StartTime', 'EndTime',
    'CreateOOFEvent', 'OOFEventSubject', 'AutoDeclineFutureRequestsWhenOOF', 'DeclineEventsForScheduledOOF',
    'DeclineAllEventsForScheduledOOF', 'DeclineMeetingMessage', 'EventsToDeleteIDs', 'IgnoreDefaultScope'],
  mandatory: ['Identity'],
  enums: {
    AutoReplyState: { typeName: 'Microsoft.Exchange.Data.Storage.OofState', values: ['Disabled', 'Enabled', 'Scheduled'] },
    ExternalAudience: { typeName: 'Microsoft.Exchange.Data.Storage.ExternalAudience', values: ['None', 'Known', 'All'] },
  },
  run(ctx, params) {
    const mailbox = mailboxOrThrow(ctx, stringParam(params, 'Identity') as string);
    const next = { ...mailbox.autoReply };
    const state = (params.get('AutoReplyState') as string[] | undefined)?.[0];
    if (state) next.status = state === 'Enabled' ? 'alwaysEnabled' : state === 'Scheduled' ? 'scheduled' : 'disabled';
    const audience = (params.get('ExternalAudience') as string[] | undefined)?.[0];
    if (audience) next.externalAudience = audience === 'Known' ? 'contactsOnly' : audience === 'All' ? 'all' : 'none';
    const internal = stringParam(params, 'InternalMessage');
    if (internal !== undefined) next.internalReplyMessage = internal;
    const external = stringParam(params, 'ExternalMessage');
    if (external !== undefined) next.externalReplyMessage = external;
    for (const [param, field] of [['StartTime', 'start'], ['EndTime', 'end']] as const) {
      const value = stringParam(params, param);
      if (value === undefined) continue;
      const parsed = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`);
      if (Number.isNaN(parsed.getTime())) throw exoErrors.badArgument(param, `Cannot convert value "${value}" to type "System.DateTime".`);
      next[field] = parsed.toISOString();
    }
    if (next.status === 'scheduled' && next.start && next.end && next.end <= next.start) {
      throw exoErrors.invalidValue('The end time must be later than the start time.');
    }
    mailbox.autoReply = next;
    touch(ctx, mailbox);
    return { rows: [], warnings: [] };
  },
};
