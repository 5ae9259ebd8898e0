import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/adapters/store/open-store';
import { loadConfig } from '../../src/config';
import { startBot, type RunningBot } from '../../src/index';
import type { Logger } from '../../src/log';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { DEMO_SEED } from '../support/bot-env';
import { FakeConnector } from '../support/fake-connector';
import { startOpenIdServer, type OpenIdServer } from '../support/openid-server';
import { RecordingLog } from '../support/recording-log';
import { simulatorSettings } from '../support/tenant-config';

export interface SecuredBot {
  readonly sim: RunningSimulator;
  readonly bot: RunningBot;
  readonly connector: FakeConnector;
  readonly openId: OpenIdServer;
  readonly log: Logger;
  readonly tenantId: string;
  /** POSTs a raw body to /api/messages with the given Authorization header (none when undefined). */
  post(body: unknown, authorization?: string): Promise<{ status: number; text: string }>;
  /** Keys the bot has stored (conversation references, service URL…), read after the fact from its SQLite file. */
  storedDocument(key: string): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * The real bot with a Bot Framework identity (production mode), its inbound tokens checked against a local
 * OpenID server and its outbound tokens fetched from it; Exchange and Graph are the simulated tenant.
 */
export interface SecuredBotOptions {
  readonly log?: Logger;
  readonly env?: Record<string, string>;
  /** Replaces some of the Bot Framework endpoints the local OpenID server provides. */
  readonly settings?: Record<string, string>;
}

export async function startSecuredBot(options: SecuredBotOptions = {}): Promise<SecuredBot> {
  const sim = await startSimulator({ seed: DEMO_SEED, port: 0 });
  const connector = await new FakeConnector().start();
  const openId = await startOpenIdServer({ appId: randomUUID(), appPassword: `bot-secret-${randomUUID()}`, tenantId: sim.tenantId });
  const dir = mkdtempSync(join(tmpdir(), 'smb-secure-'));
  const storePath = join(dir, 'bot.db');
  const log = options.log ?? new RecordingLog();
  const config = loadConfig(
    simulatorSettings(sim, {
      MicrosoftAppId: openId.appId,
      MicrosoftAppPassword: openId.appPassword,
      MicrosoftAppTenantId: sim.tenantId,
      MicrosoftAppType: 'SingleTenant',
      STORE: `sqlite:${storePath}`,
      LOG_LEVEL: 'debug',
      ...options.env,
    }),
  );
  const cleanup = async () => {
    await openId.close();
    await connector.stop();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  };
  let bot: RunningBot;
  try {
    const endpoints = openId.endpoints();
    bot = await startBot(config, { log, botFramework: { ...endpoints, settings: { ...endpoints.settings, ...options.settings } } });
  } catch (error) {
    await cleanup();
    throw error;
  }
  const localUrl = bot.url.replace('0.0.0.0', '127.0.0.1');
  return {
    sim,
    bot,
    connector,
    openId,
    log,
    tenantId: sim.tenantId,
    post: async (body, authorization) => {
      const response = await fetch(`${localUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization !== undefined ? { authorization } : {}) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: response.status, text: await response.text() };
    },
    storedDocument: async (key) => {
      const store = await openStore(`sqlite:${storePath}`);
      try {
        return await store.getDocument(key);
      } finally {
        await store.close();
      }
    },
    close: async () => {
      await bot.close();
      await cleanup();
    },
  };
}
