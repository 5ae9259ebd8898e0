import type { BotEnv } from '../../support/bot-env';
import type { Speaker } from '../../support/activities';

/** What the bot answered a chat message with: the card's text version (it mirrors the card). */
export async function ask(env: BotEnv, from: Speaker, text: string): Promise<string> {
  const before = env.connector.calls.length;
  const response = await env.say(from, text);
  if (response.status !== 200) throw new Error(`bot answered ${response.status}`);
  // The reply goes to the speaker's own chat as an answer to the message; approval cards go elsewhere.
  const reply = env.connector.calls
    .slice(before)
    .find((call) => call.method === 'POST' && call.activityId !== undefined && decodeURIComponent(call.conversationId ?? '') === `a:personal-${from.aadObjectId}`)?.body;
  return String(reply?.attachments?.[0]?.content?.fallbackText ?? '');
}

/** The card that replaces the clicked one, as JSON text. */
export async function click(env: BotEnv, from: Speaker, verb: string, data: unknown): Promise<string> {
  const response = await env.click(from, verb, data);
  if (response.status !== 200) throw new Error(`invoke answered ${response.status}`);
  return JSON.stringify(response.body?.value ?? {});
}

export function referenceIn(text: string): string {
  const id = /Reference: ([A-Za-z0-9_-]+)/.exec(text)?.[1];
  if (!id) throw new Error(`no request reference in: ${text}`);
  return id;
}

/** Clicks Refresh until the request's card says it is done (execution finishes after the click's answer). */
export async function waitUntilDone(env: BotEnv, viewer: Speaker, requestId: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if ((await click(env, viewer, 'request.refresh', { requestId })).includes('· done')) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`request ${requestId} did not finish`);
}
