import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openStore } from '../../src/adapters/store/open-store';
import { personalMessage } from '../support/activities';
import { DEMO_SEED } from '../support/bot-env';
import { FakeConnector } from '../support/fake-connector';

const ROOT = join(__dirname, '..', '..');

/** POST on a fresh connection (no pooled socket): the status, or the connection error's code. */
function postFresh(url: string, body: unknown): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    req.end(JSON.stringify(body));
  });
}

/** Starts `src/index.ts` as production does and resolves once it logs where the bot and its simulator listen. */
async function startChild(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; botUrl: string; simUrl: string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'src/index.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const urls = await new Promise<{ botUrl: string; simUrl: string }>((resolve, reject) => {
    let simUrl = '';
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg?.startsWith('simulated Microsoft 365 tenant')) simUrl = entry.url!;
      if (entry.msg?.startsWith('DEMO MODE')) resolve({ botUrl: entry.url!, simUrl });
    });
    void exited.then((code) => reject(new Error(`the bot exited with ${code} before listening: ${stderr}`)));
  });
  return { child, exited, ...urls };
}

describe('graceful shutdown', function () {
  this.timeout(60_000);
  let dir: string;
  let connector: FakeConnector;
  let child: ChildProcess | undefined;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'smb-shutdown-'));
    connector = await new FakeConnector().start();
  });
  afterEach(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await connector.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops taking requests, finishes the one in flight, closes the store and exits 0 on SIGTERM', async () => {
    const { MicrosoftAppId: _a, AZURE_CLIENT_ID: _b, ...inherited } = process.env;
    const storePath = join(dir, 'bot.db');
    const started = await startChild({ ...inherited, PORT: '0', SIMULATOR_PORT: '0', PLAYGROUND: '0', STORE: `sqlite:${storePath}`, LOG_LEVEL: 'info' });
    child = started.child;
    await fetch(`${started.simUrl}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ latencyMs: 400 }) });

    const seed = JSON.parse(readFileSync(DEMO_SEED, 'utf8')) as { tenant: { id: string }; users: { id: string; displayName: string; userPrincipalName: string }[] };
    const megan = seed.users.find((u) => u.userPrincipalName.startsWith('megan@'))!;
    const activity = personalMessage({ aadObjectId: megan.id, name: megan.displayName }, 'who can access info@', { tenantId: seed.tenant.id, serviceUrl: connector.url });
    const inFlight = fetch(started.botUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) }).then((r) => r.status);
    const journal = async () => ((await (await fetch(`${started.simUrl}/__admin/requests`)).json()) as { requests: unknown[] }).requests;
    while ((await journal()).length === 0) await new Promise((r) => setTimeout(r, 20));

    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(await postFresh(started.botUrl, activity), 'ECONNREFUSED', 'no new request is taken');
    assert.equal(child.exitCode, null, 'still finishing the request in flight');

    assert.equal(await inFlight, 200);
    assert.equal(connector.sent().length, 1, 'the in-flight request got its answer');
    const answered = Date.now();
    assert.equal(await started.exited, 0);
    assert.ok(Date.now() - answered < 2_000, 'a pooled keep-alive connection does not hold the exit up');
    assert.equal(existsSync(`${storePath}-wal`), false, 'the store was closed cleanly (WAL checkpointed)');
    const store = await openStore(`sqlite:${storePath}`);
    try {
      assert.ok(await store.getDocument(`conversation:${megan.id}`), 'the in-flight work was saved');
    } finally {
      await store.close();
    }
  });
});
