import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { botEnvForAllTests, type BotEnv } from '../support/bot-env';

export interface RefusingConnector {
  /** Where the bot should send its replies, as an activity's `serviceUrl`. */
  readonly serviceUrl: string;
  close(): Promise<void>;
}

/** A Bot Connector that refuses every activity, as the real one does when a conversation is gone. */
export async function refusingConnector(): Promise<RefusingConnector> {
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'BadArgument', message: 'Conversation not found' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** One bot for the whole enclosing `describe`, its connector, log and simulator journal emptied before every test. */
export function sharedBotEnv(receive: (env: BotEnv) => void): void {
  let env: BotEnv | undefined;
  botEnvForAllTests((started) => {
    env = started;
    receive(started);
  });
  beforeEach(async () => {
    env!.connector.clear();
    env!.log.lines.length = 0;
    await env!.clearJournal();
  });
}
