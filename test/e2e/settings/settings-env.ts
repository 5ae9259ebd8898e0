import { cardOf, cardText } from '../backbone/card-text';
import type { BotEnv } from '../../support/bot-env';
import type { Speaker } from '../../support/activities';

/** What the bot answered to one message: the texts of its cards, and the request id its plan preview carries. */
export async function ask(env: BotEnv, who: Speaker, text: string): Promise<{ text: string; requestId?: string }> {
  env.connector.clear();
  const answer = await env.say(who, text);
  if (answer.status >= 300) throw new Error(`bot answered ${answer.status}`);
  const cards = env.connector.sent().map(cardOf);
  const requestId = cards.map(findRequestId).find((id) => id !== undefined);
  return { text: cards.map(cardText).join('\n'), ...(requestId ? { requestId } : {}) };
}

function findRequestId(node: unknown): string | undefined {
  if (Array.isArray(node)) return node.map(findRequestId).find((id) => id !== undefined);
  if (!node || typeof node !== 'object') return undefined;
  const element = node as Record<string, any>;
  if (element.type === 'Action.Execute' && typeof element.data?.requestId === 'string') return element.data.requestId;
  return Object.values(element).map(findRequestId).find((id) => id !== undefined);
}

export type JournalEntry = Awaited<ReturnType<BotEnv['journal']>>[number];

/** Waits until the simulator's journal holds the calls `ready` looks for (execution may finish after the click's answer). */
export async function journalUntil(env: BotEnv, ready: (entries: JournalEntry[]) => boolean, timeoutMs = 8_000): Promise<JournalEntry[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const entries = await env.journal();
    if (ready(entries)) return entries;
    if (Date.now() > deadline) throw new Error(`journal never got there: ${JSON.stringify(entries.map((e) => e.cmdlet ?? `${e.method} ${e.path}`))}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Exchange writes in the journal (reads and token calls left out). */
export function writes(entries: JournalEntry[]): JournalEntry[] {
  return entries.filter((e) => e.cmdlet !== undefined && !/^Get-/.test(e.cmdlet));
}

/** Approves as `approver` and waits for the request's calls to show up and for everybody to be told. */
export async function approve(env: BotEnv, approver: Speaker, requestId: string, ready: (entries: JournalEntry[]) => boolean): Promise<JournalEntry[]> {
  await env.clearJournal();
  const answer = await env.click(approver, 'request.approve', { requestId });
  if (answer.status !== 200) throw new Error(`approve answered ${answer.status}`);
  const entries = await journalUntil(env, ready);
  await env.bot.settled();
  return entries;
}
