import { strict as assert } from 'node:assert';
import type { Speaker } from '../../support/activities';
import type { BotEnv } from '../../support/bot-env';
import { personalChat, postedTo } from './helpers';

/** What the bot answered `from` in their 1:1 chat, after checking it accepted the message. */
export async function replyTo(env: BotEnv, from: Speaker, text: string): Promise<any> {
  env.connector.clear();
  assert.equal((await env.say(from, text)).status, 200);
  const [reply] = postedTo(env.connector.calls, personalChat(from));
  assert.ok(reply, `no answer to "${text}"`);
  return reply;
}
