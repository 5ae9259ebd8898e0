import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'teams-activities');

/** A real Teams payload from the shared fixtures, as a fresh object. */
export function fixture(name: string): any {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
}

export interface Speaker {
  readonly aadObjectId: string;
  readonly name: string;
}

let sequence = 0;

interface Where {
  readonly tenantId: string;
  readonly serviceUrl: string;
  readonly conversationId?: string;
}

/** A 1:1 message shaped like the real 2021 Teams capture, from a seeded user. */
export function personalMessage(from: Speaker, text: string, where: Where): any {
  const activity = fixture('01b-personal-message.real-2021.json');
  activity.id = `msg-${++sequence}`;
  activity.text = text;
  activity.serviceUrl = where.serviceUrl;
  activity.from = { ...activity.from, id: `29:${from.aadObjectId}`, name: from.name, aadObjectId: from.aadObjectId };
  activity.conversation = { ...activity.conversation, id: where.conversationId ?? `a:personal-${from.aadObjectId}`, tenantId: where.tenantId };
  activity.channelData = { ...activity.channelData, tenant: { id: where.tenantId } };
  return activity;
}

/** A channel message that @mentions the bot, shaped like the real 2019 capture (`<at>…</at>` still in the text). */
export function channelMention(from: Speaker, text: string, where: Where): any {
  const activity = fixture('02a-channel-mention-message.real-2019.json');
  const mention = activity.entities[0].text as string;
  activity.id = `msg-${++sequence}`;
  activity.text = `${mention} ${text}\n`;
  activity.serviceUrl = where.serviceUrl;
  activity.from = { ...activity.from, id: `29:${from.aadObjectId}`, name: from.name, aadObjectId: from.aadObjectId };
  activity.conversation = { ...activity.conversation, tenantId: where.tenantId };
  activity.channelData = { ...activity.channelData, tenant: { id: where.tenantId } };
  return activity;
}

/** An `adaptiveCard/action` invoke (Action.Execute) as Teams sends it when a button is clicked. */
export function cardAction(from: Speaker, verb: string, data: unknown, where: Where & { replyToId?: string }): any {
  const activity = fixture('04a-invoke-adaptiveCard-action-manual.COMPOSITE.json');
  activity.id = `f:${++sequence}`;
  activity.serviceUrl = where.serviceUrl;
  activity.from = { ...activity.from, id: `29:${from.aadObjectId}`, name: from.name, aadObjectId: from.aadObjectId };
  activity.conversation = { ...activity.conversation, id: where.conversationId ?? activity.conversation.id, tenantId: where.tenantId };
  activity.channelData = { ...activity.channelData, tenant: { id: where.tenantId } };
  if (where.replyToId) activity.replyToId = where.replyToId;
  activity.value = { action: { type: 'Action.Execute', id: 'action', verb, data }, trigger: 'manual' };
  return activity;
}
