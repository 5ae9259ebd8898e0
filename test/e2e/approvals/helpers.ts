import { strict as assert } from 'node:assert';
import { cardAction, type Speaker } from '../../support/activities';
import type { BotEnv } from '../../support/bot-env';
import type { ConnectorCall } from '../../support/fake-connector';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const EXCHANGE_WRITES = /^(Add|Remove|Set|New)-/;

interface JournalEntry {
  readonly cmdlet?: string;
  readonly parameters?: any;
}

/** The conversation id the fake connector gives a person's 1:1 chat with the bot. */
export const personalChat = (person: Speaker): string => `a:personal-${person.aadObjectId}`;

/** The Adaptive Card an outgoing activity carries, if any. */
export function cardOf(activity: any): any {
  return activity?.attachments?.find((a: any) => a.contentType === ADAPTIVE_CARD)?.content;
}

/** What a reader sees: the message text, or the card's text fallback. */
export function textOf(activity: any): string {
  return [activity?.text, cardOf(activity)?.fallbackText].filter(Boolean).join('\n');
}

/** The Action.Execute invoke Teams sends when `from` clicks a card in their 1:1 chat with the bot. */
export function chatClick(env: Pick<BotEnv, 'sim' | 'connector'>, from: Speaker, verb: string, data: unknown, activityId?: string): any {
  const where = { tenantId: env.sim.tenantId, serviceUrl: env.connector.url, conversationId: personalChat(from) };
  return cardAction(from, verb, data, { ...where, ...(activityId ? { replyToId: activityId } : {}) });
}

export function clickInChat(env: BotEnv, from: Speaker, verb: string, data: unknown, activityId?: string) {
  return env.post(chatClick(env, from, verb, data, activityId));
}

/** Every verb of every Action.Execute in a card, nested show-cards included. */
export function verbsOf(card: unknown): string[] {
  const verbs: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.Execute' && typeof record.verb === 'string') verbs.push(record.verb);
    Object.values(record).forEach(walk);
  };
  walk(card);
  return verbs;
}

/** The request a card is about, from its refresh or first action. */
export function requestIdOf(card: any): string {
  const id = card?.refresh?.action?.data?.requestId ?? card?.actions?.find((a: any) => a.data?.requestId)?.data?.requestId;
  assert.equal(typeof id, 'string', `no request id in card ${JSON.stringify(card)}`);
  return id;
}

/** The card an Action.Execute invoke answered with, after checking the answer's shape. */
export function invokeCard(answer: { status: number; body: any }): any {
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(answer.body?.statusCode, 200);
  assert.equal(answer.body?.type, ADAPTIVE_CARD);
  return answer.body.value;
}

/** All the visible text of a card, for "does it say X" checks. */
export const cardText = (card: unknown): string => JSON.stringify(card);

/** Exchange cmdlets that change something, in the order the simulator received them. */
export function exchangeWrites(journal: readonly JournalEntry[]): JournalEntry[] {
  return journal.filter((entry) => entry.cmdlet !== undefined && EXCHANGE_WRITES.test(entry.cmdlet));
}

export function cmdletCount(journal: readonly JournalEntry[], cmdlet: string): number {
  return journal.filter((entry) => entry.cmdlet === cmdlet).length;
}

/** Card updates (PUT activity) whose card says `text`. */
export function updatesSaying(calls: readonly ConnectorCall[], text: string): ConnectorCall[] {
  return calls.filter((c) => c.method === 'PUT' && cardText(c.body).includes(text));
}

/** Messages posted into one conversation. */
export function postedTo(calls: readonly ConnectorCall[], conversationId: string): any[] {
  return calls.filter((c) => c.method === 'POST' && conversationOf(c) === conversationId).map((c) => c.body);
}

/** The plan preview the requester got in their 1:1 chat (the latest one). */
export function planPreviewFor(calls: readonly ConnectorCall[], requester: Speaker): any {
  const preview = postedTo(calls, personalChat(requester)).filter((m) => /^Request sent for approval/.test(textOf(m))).at(-1);
  assert.ok(preview, `no plan preview for ${requester.name}: ${JSON.stringify(postedTo(calls, personalChat(requester)).map(textOf))}`);
  return preview;
}

/** The conversation a connector call addresses, decoded (the bot escapes ids in the path). */
export function conversationOf(call: ConnectorCall): string | undefined {
  return call.conversationId === undefined ? undefined : decodeURIComponent(call.conversationId);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` until it returns a value; throws with `what` when `timeoutMs` passes first. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
