import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { startBot, type RunningBot } from '../../src/index';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import type { PacingLimits } from '../../src/bot/outbound-pacer';
import type { Clock } from '../../src/ports';
import { FakeConnector } from './fake-connector';
import { cardAction, channelMention, personalMessage, type Speaker } from './activities';
import { RecordingLog } from './recording-log';
import { simulatorSettings } from './tenant-config';

export const DEMO_SEED = join(__dirname, '..', '..', 'src', 'simulator', 'seeds', 'demo.json');

export interface BotEnv {
  readonly sim: RunningSimulator;
  readonly bot: RunningBot;
  readonly connector: FakeConnector;
  readonly log: RecordingLog;
  /** A seeded user by first name, UPN or display name. */
  person(name: string): Speaker;
  /** Sends an activity to /api/messages as Teams would; returns the HTTP answer. */
  post(activity: unknown): Promise<{ status: number; body: any }>;
  say(from: Speaker, text: string, where?: { channel?: boolean }): Promise<{ status: number; body: any }>;
  click(from: Speaker, verb: string, data: unknown, replyToId?: string): Promise<{ status: number; body: any }>;
  /** Calls the simulator's request journal. */
  journal(): Promise<{ method: string; path: string; status: number; cmdlet?: string; parameters?: any; time: string }[]>;
  clearJournal(): Promise<void>;
  close(): Promise<void>;
}

export interface BotEnvOptions {
  readonly seed?: string;
  readonly clock?: Clock;
  readonly store?: string;
  readonly env?: Record<string, string>;
  /** Reuse a simulator another bot already talks to (two instances, one tenant). */
  readonly sim?: RunningSimulator;
  /** Sends per second toward the fake connector; tests that blast thousands of activities lift the limits. */
  readonly teamsPacing?: PacingLimits;
  readonly executionRetryDelays?: readonly number[];
}

/** No pacing toward Teams: for tests whose point is volume, not politeness. */
export const UNPACED: PacingLimits = { perConversation: Infinity, perTenant: Infinity };

/** Starts the simulated tenant, a fake Bot Connector and the real bot on free ports, with a fresh SQLite store. */
export async function startBotEnv(options: BotEnvOptions = {}): Promise<BotEnv> {
  const sim = options.sim ?? (await startSimulator({ seed: options.seed ?? DEMO_SEED, port: 0 }));
  const connector = await new FakeConnector().start();
  const dir = mkdtempSync(join(tmpdir(), 'smb-bot-'));
  const log = new RecordingLog();
  const cleanup = async () => {
    await connector.stop();
    if (!options.sim) await sim.close();
    rmSync(dir, { recursive: true, force: true });
  };
  let bot: RunningBot;
  try {
    bot = await startBot(botConfig(sim, dir, options), {
      log,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.teamsPacing ? { teamsPacing: options.teamsPacing } : {}),
      ...(options.executionRetryDelays ? { executionRetryDelays: options.executionRetryDelays } : {}),
    });
  } catch (error) {
    await cleanup();
    throw error;
  }
  const where = { tenantId: sim.tenantId, serviceUrl: connector.url };

  const post = async (activity: unknown) => {
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const person = (name: string): Speaker => {
    const needle = name.toLowerCase();
    const user = sim.seed.users.find(
      (u) => u.userPrincipalName.toLowerCase().startsWith(`${needle}@`) || u.displayName.toLowerCase() === needle || u.userPrincipalName.toLowerCase() === needle,
    );
    if (!user) throw new Error(`no seeded user ${name}`);
    return { aadObjectId: user.id, name: user.displayName };
  };

  return {
    sim,
    bot,
    connector,
    log,
    person,
    post,
    say: (from, text, at) => post(at?.channel ? channelMention(from, text, where) : personalMessage(from, text, where)),
    click: (from, verb, data, replyToId) => post(cardAction(from, verb, data, { ...where, ...(replyToId ? { replyToId } : {}) })),
    journal: async () => ((await (await fetch(`${sim.url}/__admin/requests`)).json()) as { requests: any[] }).requests,
    clearJournal: async () => {
      await fetch(`${sim.url}/__admin/requests`, { method: 'DELETE' });
    },
    close: async () => {
      await bot.close();
      await cleanup();
    },
  };
}

/** The bot's configuration pointing at the simulated tenant, through the real configuration loader. */
function botConfig(sim: RunningSimulator, dir: string, options: BotEnvOptions) {
  return loadConfig(
    simulatorSettings(sim, {
      STORE: options.store ?? `sqlite:${join(dir, 'bot.db')}`,
      LOG_LEVEL: 'debug',
      ...options.env,
    }),
  );
}

/** One bot env for the whole enclosing `describe`; `receive` gets it first and may prepare it before the first test. */
export function botEnvForAllTests(receive: (env: BotEnv) => void | Promise<void>, options: BotEnvOptions = {}): void {
  let env: BotEnv | undefined;
  before(async () => {
    env = await startBotEnv(options);
    await receive(env);
  });
  after(async () => {
    await env?.close();
  });
}

/** A fresh bot env for every test of the enclosing `describe`, started with `options()` and closed after the test. */
export function botEnvForEachTest(receive: (env: BotEnv) => void, options: () => BotEnvOptions = () => ({})): void {
  let env: BotEnv | undefined;
  beforeEach(async () => {
    env = await startBotEnv(options());
    receive(env);
  });
  afterEach(async () => {
    await env?.close();
  });
}
