import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/adapters/store/sqlite-store';
import { startSimulator, type RunningSimulator, type Seed } from '../../src/simulator';
import type { Speaker } from './activities';
import { startBotProcess, type BotProcess } from './bot-process';
import { FakeConnector } from './fake-connector';

/** A seed file or object, or a function making one when the rig starts (it may write a file into `dir`). */
export type CrashRigSeed = string | Seed | ((dir: string) => string | Seed);

export interface CrashRig {
  readonly sim: RunningSimulator;
  readonly connector: FakeConnector;
  /** The bot's SQLite file: it outlives a killed process, so the restarted one resumes from it. */
  readonly storePath: string;
  /** Tenant and Bot Connector of the chats the test starts. */
  readonly where: { tenantId: string; serviceUrl: string };
  /** Runs the real bot as a child process on the rig's store; stopped when the rig closes. */
  startBot(env: Record<string, string>): Promise<BotProcess>;
  /** A second store on the bot's file, for the test to watch the bot's progress; closed when the rig closes. */
  openStore(): SqliteStore;
  /** The simulator's admin API: a GET without a body, a POST of `body` as JSON with one. */
  admin(path: string, body?: unknown): Promise<Response>;
  /** Every Exchange and Graph call the simulator answered since the journal was last cleared. */
  journal(): Promise<{ cmdlet?: string; parameters?: any }[]>;
  clearJournal(): Promise<Response>;
  /** A seeded user, by id or UPN, as a Teams speaker. */
  speaker(idOrUpn: string): Speaker;
  close(): Promise<void>;
}

/**
 * A simulated tenant, a fake Bot Connector and a temporary directory for the bot's store, shared by the tests of
 * the enclosing `describe` that kill the bot process (`kill -9`) and restart it; everything is closed after them.
 */
export function crashRigForAllTests(receive: (rig: CrashRig) => void, seed: CrashRigSeed): void {
  let rig: CrashRig | undefined;
  before(async () => {
    rig = await startCrashRig(seed);
    receive(rig);
  });
  after(async () => {
    await rig?.close();
  });
}

async function startCrashRig(seed: CrashRigSeed): Promise<CrashRig> {
  const dir = mkdtempSync(join(tmpdir(), 'smb-crash-'));
  const bots: BotProcess[] = [];
  const stores: SqliteStore[] = [];
  let sim: RunningSimulator | undefined;
  let connector: FakeConnector | undefined;
  const close = async () => {
    for (const bot of bots) await bot.stop();
    for (const store of stores) await store.close();
    await connector?.stop();
    await sim?.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    sim = await startSimulator({ seed: typeof seed === 'function' ? seed(dir) : seed, port: 0 });
    connector = await new FakeConnector().start();
  } catch (error) {
    await close();
    throw error;
  }
  const [tenant, fake, storePath] = [sim, connector, join(dir, 'bot.db')];
  const admin = (path: string, body?: unknown) =>
    fetch(`${tenant.url}/__admin/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return {
    sim: tenant,
    connector: fake,
    storePath,
    where: { tenantId: tenant.tenantId, serviceUrl: fake.url },
    startBot: async (env) => {
      const bot = await startBotProcess({ sim: tenant, store: `sqlite:${storePath}`, env });
      bots.push(bot);
      return bot;
    },
    openStore: () => {
      const store = new SqliteStore(storePath);
      stores.push(store);
      return store;
    },
    admin,
    journal: async () => ((await (await admin('requests')).json()) as { requests: { cmdlet?: string; parameters?: any }[] }).requests,
    clearJournal: () => fetch(`${tenant.url}/__admin/requests`, { method: 'DELETE' }),
    speaker: (idOrUpn) => {
      const user = tenant.seed.users.find((u) => u.id === idOrUpn || u.userPrincipalName === idOrUpn);
      if (!user) throw new Error(`no user ${idOrUpn} in the seed`);
      return { aadObjectId: user.id, name: user.displayName };
    },
    close,
  };
}
