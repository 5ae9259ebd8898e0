import { strict as assert } from 'node:assert';
import type { Speaker } from '../../support/activities';
import type { BotEnv } from '../../support/bot-env';
import { personalChat, postedTo } from './helpers';

/** What the bot answered `from` in their 1:1 chat, once the cards it sent others on the way are out too. */
export async function replyTo(env: BotEnv, from: Speaker, text: string): Promise<any> {
  env.connector.clear();
  assert.equal((await env.say(from, text)).status, 200);
  await env.bot.settled();
  const [reply] = postedTo(env.connector.calls, personalChat(from));
  assert.ok(reply, `no answer to "${text}"`);
  return reply;
}
