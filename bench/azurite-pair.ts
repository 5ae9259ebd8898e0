import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startSimulator, type RunningSimulator } from '../src/simulator';
import { startAzurite, type RunningAzurite } from '../test/support/azurite';
import { FakeConnector } from '../test/support/fake-connector';
import { simulatorSettings } from '../test/support/tenant-config';
import { writeBenchSeed } from './bench-seed';
import { freePort, stopProcess, waitForHealth } from './bot-child';
import type { Release, TurnRecord } from './load-probe';

const ROOT = join(__dirname, '..');

export interface Memory {
  readonly rss: number;
  readonly heapUsed: number;
  /** CPU time the process used so far (user + system). */
  readonly cpuMs: number;
}

export interface BotInstance {
  readonly url: string;
  /** Posts an activity as Teams does; resolves with the HTTP status and the parsed body (invokes). */
  post(activity: unknown): Promise<{ status: number; body: any }>;
  turns(): Promise<TurnRecord[]>;
  /** Sends the pacer let go since the last time this was asked. */
  releases(): Promise<Release[]>;
  memory(): Promise<Memory>;
  /** Log lines at error level or above written so far. */
  errorLines(): string[];
}

export interface Pair {
  readonly sim: RunningSimulator;
  readonly connector: FakeConnector;
  readonly bots: readonly [BotInstance, BotInstance];
  close(): Promise<void>;
}

/**
 * Two real bot processes (as two instances behind a load balancer) on one Azure Table store (Azurite), one
 * simulated tenant and one fake Bot Connector; each bot carries the load probe.
 */
export async function startPair(): Promise<Pair> {
  const dir = mkdtempSync(join(tmpdir(), 'smb-load-'));
  const sim = await startSimulator({ seed: writeBenchSeed(dir), port: 0 });
  const connector = await new FakeConnector().start();
  const closers: (() => Promise<unknown>)[] = [() => sim.close(), () => connector.stop()];
  const close = async () => {
    for (const closer of closers.reverse()) await closer();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const azurite: RunningAzurite = await startAzurite();
    closers.push(() => azurite.stop());
    const store = `azure-tables:${azurite.connectionString}`;
    const first = await startBot(sim, store, closers);
    const second = await startBot(sim, store, closers);
    return { sim, connector, bots: [first, second], close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function startBot(sim: RunningSimulator, store: string, closers: (() => Promise<unknown>)[]): Promise<BotInstance> {
  const port = await freePort();
  const env = { ...process.env, ...simulatorSettings(sim, { PORT: String(port), STORE: store, LOG_LEVEL: 'warn', PLAYGROUND: '0', BOT_INSTANCES: '2' }) };
  const args = [...(process.env['LOAD_PROFILE'] ? ['--cpu-prof', '--cpu-prof-dir', join(ROOT, 'build', 'profiles')] : [])];
  const child = spawn(process.execPath, [...args, '--require', 'tsx/cjs', '--require', join(__dirname, 'load-probe.ts'), join(ROOT, 'src', 'index.ts')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  closers.push(() => stopProcess(child));
  const errors: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (/"level":(50|60)/.test(line)) errors.push(line);
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child);
  const ask = <T>(question: string, key: string) =>
    new Promise<T>((resolve) => {
      const listener = (message: Record<string, unknown>) => {
        if (!(key in message)) return;
        child.off('message', listener);
        resolve(message[key] as T);
      };
      child.on('message', listener);
      child.send(question);
    });
  return {
    url,
    async post(activity) {
      const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    turns: () => ask<TurnRecord[]>('turns', 'turns'),
    releases: () => ask<Release[]>('releases', 'releases'),
    memory: () => ask<Memory>('memory', 'memory'),
    errorLines: () => [...errors],
  };
}
