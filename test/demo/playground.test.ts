import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from '../../src/log';
import { playgroundConfig, startPlayground, type RunningPlayground } from '../../src/demo/playground';
import { parseSeed } from '../../src/simulator/seed';

const seed = parseSeed(JSON.parse(readFileSync(join(__dirname, '../../src/simulator/seeds/demo.json'), 'utf8')), 'demo.json');
const run = promisify(execFile);
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

interface Activity {
  type: string;
  text?: string;
  from: { id: string; aadObjectId?: string };
  conversation: { id: string; tenantId?: string };
  channelData?: { tenant?: { id?: string } };
}

/** Stands in for the bot: records every activity posted to its messaging endpoint. */
async function recordingBot(): Promise<{ server: Server; endpoint: string; next: () => Promise<Activity> }> {
  const received: Activity[] = [];
  const waiting: ((a: Activity) => void)[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
      if (req.method !== 'POST' || !body) return;
      const activity = JSON.parse(body) as Activity;
      const waiter = waiting.shift();
      if (waiter) waiter(activity);
      else received.push(activity);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const next = (): Promise<Activity> => {
    const ready = received.shift();
    return ready ? Promise.resolve(ready) : new Promise((resolve) => waiting.push(resolve));
  };
  return { server, endpoint: `http://127.0.0.1:${port}/api/messages`, next };
}

describe('Agents Playground wiring', function () {
  this.timeout(20_000);
  let configDir: string;
  let bot: Awaited<ReturnType<typeof recordingBot>>;
  let playground: RunningPlayground | undefined;

  beforeEach(async () => {
    configDir = mkdtempSync(join(tmpdir(), 'playground-'));
    bot = await recordingBot();
  });

  afterEach(async () => {
    await playground?.stop();
    playground = undefined;
    bot.server.closeAllConnections();
    await new Promise((resolve) => bot.server.close(resolve));
    rmSync(configDir, { recursive: true, force: true });
  });

  it('does deliver a message as the seeded user of the seeded tenant when started as megan', async () => {
    const megan = seed.users.find((u) => u.userPrincipalName === 'megan@contoso.com')!;
    playground = await startPlayground({ botEndpoint: bot.endpoint, port: 0, configDir, log: silent, config: playgroundConfig(seed, 'megan') });
    assert.match(playground.url, /^http:\/\/localhost:\d+$/);

    const settings = (await (await fetch(`${playground.url}/_internal/v1/config`)).json()) as {
      config: { personalChat: { id: string }; currentUser: { id: string } };
    };
    const chat = settings.config.personalChat.id;
    const posted = await fetch(`${playground.url}/_conversation/v1/conversations/${encodeURIComponent(chat)}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: { id: settings.config.currentUser.id }, text: 'who can access info@', textFormat: 'plain' }),
    });
    assert.equal(posted.status, 200);

    const activity = await bot.next();
    assert.equal(activity.type, 'message');
    assert.equal(activity.text, 'who can access info@');
    assert.equal(activity.from.aadObjectId, megan.id);
    assert.equal(activity.conversation.tenantId, seed.tenant.id);
    assert.equal(activity.channelData?.tenant?.id, seed.tenant.id);
  });

  it('does report why when the Playground cannot start on a broken config', async () => {
    await assert.rejects(
      startPlayground({ botEndpoint: bot.endpoint, port: 0, configDir, log: silent, config: 'version: "9.9.9"\n' }),
      /Agents Playground could not start: .*tenantId/,
    );
  });

  it('does end the Playground when the process that started it exits without stopping it', async () => {
    const script = [
      "const { startPlayground } = require('./src/demo/playground');",
      "const log = { debug() {}, info() {}, warn() {}, error() {}, child: () => log };",
      `startPlayground({ botEndpoint: ${JSON.stringify(bot.endpoint)}, port: 0, configDir: ${JSON.stringify(configDir)}, log })`,
      "  .then((p) => { console.log(p.url); process.exit(0); });",
    ].join('\n');
    const { stdout } = await run(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: join(__dirname, '../..') });
    const url = stdout.trim();
    assert.match(url, /^http:\/\/localhost:\d+$/);
    const listening = async (): Promise<boolean> => fetch(`${url}/_internal/v1/config`).then(() => true, () => false);
    for (let attempt = 0; attempt < 20 && (await listening()); attempt++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await listening(), false, 'nothing listens any more');
  });
});
