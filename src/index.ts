// Composition root: the only place that reads the environment and wires adapters to the core.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { ExchangeClient, exchangeConcurrencyPerInstance } from './adapters/exchange/exchange-client';
import { ExchangeOnline } from './adapters/exchange/exchange-online';
import { GraphDirectory } from './adapters/graph/graph-directory';
import { createCredential } from './adapters/identity/credential';
import { RetryPolicy } from './adapters/retry/retry-policy';
import { openStore } from './adapters/store/open-store';
import { createApp } from './app/create-app';
import type { Deps } from './app/deps';
import { openSignedExport, type ExportLinks } from './app/export-links';
import { auditsIdle, createExecutor, DEFAULT_EXECUTION, startRequestSweeps } from './app/requests';
import { createAdapter, type BotFrameworkEndpoints } from './bot/create-adapter';
import { MailboxBot } from './bot/mailbox-bot';
import { pacingPerInstance, type PacingLimits } from './bot/outbound-pacer';
import { TeamsNotifier } from './bot/teams-notifier';
import { TeamsUserIds } from './bot/teams-user-ids';
import { loadConfig, type Config, type M365Access } from './config';
import { asUserArgument } from './demo/as-user-argument';
import { playgroundConfig, startPlayground, type RunningPlayground } from './demo/playground';
import type { Logger } from './log';
import { createLogger } from './pino-logger';
import type { Clock } from './ports';
import { createServer, listen, stopServer } from './server';
import { startSimulator, type RunningSimulator } from './simulator';

export interface StartOptions {
  readonly log?: Logger;
  readonly clock?: Clock;
  /** Demo only: the seeded user the Playground chats as (`--as megan`). */
  readonly playgroundUser?: string;
  /** Time between request sweeps (expiry, ended grants, resumed executions). */
  readonly sweepIntervalMs?: number;
  /** Bot Framework token endpoints other than Microsoft's (tests point them at a local OpenID server). */
  readonly botFramework?: BotFrameworkEndpoints;
  /** Sends per second toward Teams (default: half the platform limits); tests that blast activities raise them. */
  readonly teamsPacing?: PacingLimits;
  /** Waits between attempts of a failed Exchange change (tests shorten them; production keeps the defaults). */
  readonly executionRetryDelays?: readonly number[];
}

export interface RunningBot {
  readonly url: string;
  readonly instanceId: string;
  /** Demo only: where a person opens the Teams emulator. */
  readonly playgroundUrl?: string;
  /** Runs one request sweep now (expiry, ended grants, reminders, resumed executions), as the timer would. */
  sweep(): Promise<void>;
  /** Resolves once no approved change is being carried out, every message toward Teams has gone and every history entry is written. */
  settled(): Promise<void>;
  /** Stops taking requests, lets running executions finish, closes the store. */
  close(): Promise<void>;
}

const systemClock: Clock = { now: () => new Date() };
/** Download links for exports stay valid this long. */
const EXPORT_LINK_TTL_MS = 15 * 60_000;
const CHAT_RETRY = { budgetMs: 10_000 };

export async function startBot(config: Config, options: StartOptions = {}): Promise<RunningBot> {
  const log = options.log ?? createLogger('shared-mailbox-bot', config.logLevel);
  const clock = options.clock ?? systemClock;
  const instanceId = randomUUID();
  const tenant = config.m365 ? undefined : await startSimulatedTenant(config, log);
  const m365 = config.m365 ?? tenant!.access;
  const adminGroupId = config.adminGroupId ?? tenant?.sim.seed.groups[0]?.id ?? '';
  const mailDomains = config.mailDomains.length > 0 ? config.mailDomains : [tenant!.sim.defaultDomain];

  const credential = createCredential(m365);
  const retry = new RetryPolicy();
  const concurrency = exchangeConcurrencyPerInstance(config.botInstances);
  const exchange = new ExchangeOnline(new ExchangeClient({ baseUrl: m365.exchangeBaseUrl, tenantId: m365.tenantId, credential, retry, concurrency }));
  const directory = new GraphDirectory({ credential, baseUrl: `${m365.graphBaseUrl.replace(/\/$/, '')}/`, defaultDomain: mailDomains[0]!, retry });
  const store = await openStore(config.store);
  const servedTenant = config.bot?.tenantId ?? m365.tenantId;
  const adapter = createAdapter(config.bot, log, options.botFramework, options.teamsPacing ?? pacingPerInstance(config.botInstances));
  const userIds = new TeamsUserIds(store);
  const notifier = new TeamsNotifier(adapter, config.bot?.appId ?? '', servedTenant, store, userIds, log);

  let listeningUrl = '';
  const exports: ExportLinks = { baseUrl: () => config.publicUrl ?? listeningUrl, ttlMs: EXPORT_LINK_TTL_MS };
  const base: Deps = {
    exports,
    exchange,
    directory,
    store,
    notifier,
    clock,
    log,
    newId: () => randomUUID().replace(/-/g, '').slice(0, 12),
    policy: { tenantDomain: mailDomains[0]!, internalDomains: mailDomains, adminGroupId, requestLifetimeDays: config.requestLifetimeDays,
      reportLeaseMs: config.reportLeaseSeconds * 1000,
      ...(config.maxGrantDays === undefined ? {} : { maxGrantDays: config.maxGrantDays }),
      ...(config.reviewEveryDays === undefined ? {} : { reviewEveryDays: config.reviewEveryDays }) },
  };
  const executor = createExecutor(base, {
    ...DEFAULT_EXECUTION,
    ...(options.executionRetryDelays ? { retryDelays: options.executionRetryDelays } : {}),
    leaseMs: config.executionLeaseSeconds * 1000,
    owner: instanceId,
  });
  const deps: Deps = { ...base, executor };
  const sweepIntervalMs = options.sweepIntervalMs ?? config.sweepIntervalSeconds * 1000;
  const sweeps = startRequestSweeps(deps, executor, { owner: instanceId, intervalMs: sweepIntervalMs });

  // A chat turn must answer before Teams gives up on it (~15 s); queued executions and sweeps keep the long budget.
  const chat: Deps = { ...deps, exchange: exchange.withRetry(CHAT_RETRY), directory: directory.withRetry(CHAT_RETRY) };
  const bot = new MailboxBot({ app: createApp(chat), notifier, userIds, tenantId: servedTenant, log });
  const server = createServer(adapter, bot, (id, exp, sig) => openSignedExport(store, id, exp, sig, clock.now()));
  // Without a Bot Framework identity nobody authenticates callers, so only this machine may call.
  const host = config.bot ? '0.0.0.0' : '127.0.0.1';
  const { url } = await listen(server, config.port, host);
  listeningUrl = url;
  log.info(config.bot ? 'bot listening' : 'DEMO MODE: no inbound authentication, listening on loopback only', { url: `${url}/api/messages` });
  const playground = await startDemoPlayground(config, options, tenant, url, log);

  // History entries are appended beside the work they record (an approval's, while its change runs).
  const settled = async () => {
    await executor.idle();
    await notifier.idle();
    await auditsIdle(store);
  };
  return {
    url,
    instanceId,
    ...(playground ? { playgroundUrl: playground.url } : {}),
    sweep: () => sweeps.sweep(),
    settled,
    close: async () => {
      await stopServer(server);
      await sweeps.stop();
      await settled();
      await store.close();
      await playground?.stop();
      await tenant?.sim.close();
    },
  };
}

async function startSimulatedTenant(config: Config, log: Logger): Promise<{ sim: RunningSimulator; access: M365Access }> {
  const sim = await startSimulator({ seed: resolve(config.simulator.seedPath), port: config.simulator.port });
  const app = sim.seed.apps[0]!;
  log.info('simulated Microsoft 365 tenant running', { url: sim.url, tenant: sim.seed.tenant.displayName, seed: config.simulator.seedPath });
  const access: M365Access = {
    tenantId: sim.tenantId,
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    managedIdentity: false,
    authorityHost: sim.url,
    graphBaseUrl: sim.url,
    exchangeBaseUrl: sim.url,
  };
  return { sim, access };
}

async function startDemoPlayground(
  config: Config,
  options: StartOptions,
  tenant: { sim: RunningSimulator } | undefined,
  botUrl: string,
  log: Logger,
): Promise<RunningPlayground | undefined> {
  if (config.bot || !config.playground || !tenant) return undefined;
  const playground = await startPlayground({
    botEndpoint: `${botUrl}/api/messages`,
    port: 56150,
    configDir: resolve('data', 'playground'),
    config: playgroundConfig(tenant.sim.seed, options.playgroundUser, config.adminGroupId),
    log,
  });
  return playground;
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const playgroundUser = asUserArgument(process.argv);
  const log = createLogger('shared-mailbox-bot', config.logLevel);
  const bot = await startBot(config, { log, ...(playgroundUser ? { playgroundUser } : {}) });
  if (bot.playgroundUrl) {
    console.log(`\n  Shared Mailbox Bot demo is running (simulated tenant, no credentials).\n  Open ${bot.playgroundUrl} and type: who can access info@\n  Stop with Ctrl+C.\n`);
  }
  let stopping = false;
  // The launcher forwards signals too, so the second one must not cut the graceful close short.
  const stop = () => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down');
    void bot.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error('The bot could not start:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
