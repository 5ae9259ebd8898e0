import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from '../src/simulator';
import { cardAction, personalMessage, type Speaker } from '../test/support/activities';
import { FakeConnector, type ConnectorCall } from '../test/support/fake-connector';
import { simulatorSettings } from '../test/support/tenant-config';
import { writeBenchSeed } from './bench-seed';
import { freePort, stopProcess, waitForHealth } from './bot-child';
import type { Interval, JournalEntry } from './stats';

const ROOT = join(__dirname, '..');

export interface AllowedRates {
  readonly exoCmdletsPerSecond: number;
  readonly exoConcurrency: number;
  readonly graphUnitsPerSecond: number;
}

export interface Bench {
  readonly sim: RunningSimulator;
  readonly connector: FakeConnector;
  person(name: string): Speaker;
  say(from: Speaker, text: string): Promise<{ status: number }>;
  click(from: Speaker, verb: string, data: unknown): Promise<{ status: number }>;
  setLatency(latencyMs: number): Promise<void>;
  /** Changes the simulator's fault and throttling settings (`POST /__admin/faults`). */
  setFaults(faults: Readonly<Record<string, number>>): Promise<void>;
  allowedRates(): Promise<AllowedRates>;
  journal(): Promise<JournalEntry[]>;
  /** The bot's outbound calls to the tenant since the last time this was asked. */
  tenantCalls(): Promise<Interval[]>;
  clearJournal(): Promise<void>;
  /** Resolves when the fake Bot Connector has received a call after index `from` that `match` accepts. */
  nextCall(from: number, match: (call: ConnectorCall) => boolean, timeoutMs?: number): Promise<ConnectorCall>;
  close(): Promise<void>;
}

export interface BenchOptions {
  /** Writes the tenant's seed into the directory and returns its path (default: the benchmark tenant). */
  readonly seed?: (dir: string) => string;
}

/**
 * The real bot in its own Node process (as deployed, so it has a core to itself), talking HTTPS to the simulated
 * tenant and HTTP to a fake Bot Connector, both in this process, which also plays Teams.
 */
export async function startBench(options: BenchOptions = {}): Promise<Bench> {
  const dir = mkdtempSync(join(tmpdir(), 'smb-bench-'));
  const sim = await startSimulator({ seed: (options.seed ?? writeBenchSeed)(dir), port: 0 });
  const connector = await new FakeConnector().start();
  const port = await freePort();
  const bot = startBotProcess(sim, port, dir);
  const botUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopProcess(bot);
    await connector.stop();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(botUrl, bot);
  } catch (error) {
    await stop();
    throw error;
  }
  const where = { tenantId: sim.tenantId, serviceUrl: connector.url };
  const post = async (activity: unknown) => {
    const response = await fetch(`${botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    await response.arrayBuffer();
    return { status: response.status };
  };
  const admin = (path: string, init?: RequestInit) => fetch(`${sim.url}/__admin/${path}`, init);
  const setFaults = async (faults: Readonly<Record<string, number>>) => {
    const response = await admin('faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });
    if (!response.ok) throw new Error(`faults refused: ${response.status}`);
    await response.arrayBuffer();
  };
  return {
    sim,
    connector,
    person(name) {
      const user = sim.seed.users.find((u) => u.userPrincipalName.toLowerCase().startsWith(`${name.toLowerCase()}@`));
      if (!user) throw new Error(`no seeded user ${name}`);
      return { aadObjectId: user.id, name: user.displayName };
    },
    say: (from, text) => post(personalMessage(from, text, where)),
    click: (from, verb, data) => post(cardAction(from, verb, data, where)),
    setLatency: (latencyMs) => setFaults({ latencyMs }),
    setFaults,
    async allowedRates() {
      return ((await (await admin('faults')).json()) as { allowedRates: AllowedRates }).allowedRates;
    },
    async tenantCalls() {
      const answer = new Promise<Interval[]>((resolve) => bot.once('message', (message: { fetchLog: Interval[] }) => resolve(message.fetchLog)));
      bot.send('fetch-log');
      return (await answer).filter((call) => call.url.startsWith(sim.url));
    },
    journal: async () => ((await (await admin('requests')).json()) as { requests: JournalEntry[] }).requests,
    clearJournal: async () => void (await (await admin('requests', { method: 'DELETE' })).arrayBuffer()),
    async nextCall(from, match, timeoutMs = 10_000) {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const found = connector.calls.slice(from).find(match);
        if (found) return found;
        if (performance.now() > deadline) throw new Error('the bot never sent the expected activity');
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    },
    close: stop,
  };
}

function startBotProcess(sim: RunningSimulator, port: number, dir: string): ChildProcess {
  const env = {
    ...process.env,
    ...simulatorSettings(sim, { PORT: String(port), STORE: `sqlite:${join(dir, 'bot.db')}`, LOG_LEVEL: 'warn' }),
  };
  return spawn(process.execPath, ['--require', 'tsx/cjs', '--require', join(__dirname, 'fetch-probe.ts'), join(ROOT, 'src', 'index.ts')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
}
