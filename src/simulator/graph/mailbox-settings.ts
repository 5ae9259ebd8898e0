import type { SimContext } from '../context';
import { isRecord, jsonReply, type Reply } from '../http';
import { key, type AutoReply, type MailboxState } from '../state';
import type { GraphRequest } from './collection';
import { badRequest, graphError, notFound } from './errors';
import { findUser } from './objects';

const STATUSES: AutoReply['status'][] = ['disabled', 'alwaysEnabled', 'scheduled'];
const AUDIENCES: AutoReply['externalAudience'][] = ['none', 'contactsOnly', 'all'];

function mailboxFor(ctx: SimContext, request: GraphRequest, idOrUpn: string): MailboxState | Reply {
  const user = findUser(ctx, idOrUpn);
  if (!user) return notFound(ctx, request.headers, idOrUpn);
  const mailbox = ctx.state.mailboxes.get(key(user.id));
  if (!mailbox) {
    return graphError(ctx, request.headers, 404, 'MailboxNotEnabledForRESTAPI', 'The mailbox is either inactive, soft-deleted, or is hosted on-premise.');
  }
  return mailbox;
}

function automaticReplies(reply: AutoReply): Record<string, unknown> {
  const at = (iso: string | null) => ({ dateTime: (iso ?? new Date(0).toISOString()).replace(/\.(\d{3})Z$/, '.$10000').replace(/Z$/, ''), timeZone: 'UTC' });
  return {
    status: reply.status,
    externalAudience: reply.externalAudience,
    internalReplyMessage: reply.internalReplyMessage,
    externalReplyMessage: reply.externalReplyMessage,
    scheduledStartDateTime: at(reply.start),
    scheduledEndDateTime: at(reply.end),
  };
}

function settings(ctx: SimContext, mailbox: MailboxState): Record<string, unknown> {
  return {
    '@odata.context': `${ctx.origin()}/v1.0/$metadata#users('${mailbox.id}')/mailboxSettings`,
    archiveFolder: null,
    timeZone: 'UTC',
    delegateMeetingMessageDeliveryOptions: 'sendToDelegateOnly',
    dateFormat: 'dd/MM/yyyy',
    timeFormat: 'HH:mm',
    userPurpose: mailbox.type === 'shared' ? 'shared' : 'user',
    automaticRepliesSetting: automaticReplies(mailbox.autoReply),
    language: { locale: 'en-US', displayName: 'English (United States)' },
  };
}

export function getMailboxSettings(ctx: SimContext, request: GraphRequest, idOrUpn: string, part?: string): Reply {
  const mailbox = mailboxFor(ctx, request, idOrUpn);
  if (!('id' in mailbox)) return mailbox;
  if (part === 'automaticRepliesSetting') {
    return jsonReply(200, {
      '@odata.context': `${ctx.origin()}/v1.0/$metadata#users('${mailbox.id}')/mailboxSettings/automaticRepliesSetting`,
      ...automaticReplies(mailbox.autoReply),
    });
  }
  return jsonReply(200, settings(ctx, mailbox));
}

export function patchMailboxSettings(ctx: SimContext, request: GraphRequest, idOrUpn: string, part?: string): Reply {
  const mailbox = mailboxFor(ctx, request, idOrUpn);
  if (!('id' in mailbox)) return mailbox;
  if (!isRecord(request.body)) return badRequest(ctx, request.headers, 'Empty Payload. JSON content expected.', 'RequestBodyRead');
  const patch = part === 'automaticRepliesSetting' ? request.body : request.body['automaticRepliesSetting'];
  if (patch !== undefined) {
    if (!isRecord(patch)) return badRequest(ctx, request.headers, 'automaticRepliesSetting must be an object.', 'RequestBodyRead');
    const result = applyAutoReply(mailbox.autoReply, patch);
    if (typeof result === 'string') return badRequest(ctx, request.headers, result, result.startsWith('The end') ? 'ErrorInvalidTimeSettings' : 'RequestBodyRead');
    mailbox.autoReply = result;
  }
  return part === 'automaticRepliesSetting' ? getMailboxSettings(ctx, request, idOrUpn, part) : jsonReply(200, settings(ctx, mailbox));
}

function applyAutoReply(current: AutoReply, patch: Record<string, unknown>): AutoReply | string {
  const next = { ...current };
  if (patch['status'] !== undefined) {
    const status = STATUSES.find((s) => s.toLowerCase() === String(patch['status']).toLowerCase());
    if (!status) return `Cannot convert the literal '${String(patch['status'])}' to the expected type 'microsoft.graph.automaticRepliesStatus'.`;
    next.status = status;
  }
  if (patch['externalAudience'] !== undefined) {
    const audience = AUDIENCES.find((a) => a.toLowerCase() === String(patch['externalAudience']).toLowerCase());
    if (!audience) return `Cannot convert the literal '${String(patch['externalAudience'])}' to the expected type 'microsoft.graph.externalAudienceScope'.`;
    next.externalAudience = audience;
  }
  for (const field of ['internalReplyMessage', 'externalReplyMessage'] as const) {
    if (typeof patch[field] === 'string') next[field] = patch[field];
  }
  for (const [field, target] of [['scheduledStartDateTime', 'start'], ['scheduledEndDateTime', 'end']] as const) {
    const value = patch[field];
    if (value === undefined) continue;
    const dateTime = isRecord(value) ? value['dateTime'] : undefined;
    const parsed = typeof dateTime === 'string' ? new Date(/[zZ]|[+-]\d\d:\d\d$/.test(dateTime) ? dateTime : `${dateTime}Z`) : new Date(NaN);
    if (Number.isNaN(parsed.getTime())) return `Cannot read '${field}': expected {"dateTime":"…","timeZone":"UTC"}.`;
    next[target] = parsed.toISOString();
  }
  if (next.status === 'scheduled' && next.start && next.end && next.end <= next.start) return 'The end time must be later than the start time.';
  return next;
}
