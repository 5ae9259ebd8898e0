import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExchangeClient } from '../../src/adapters/exchange/exchange-client';
import { ExchangeOnline } from '../../src/adapters/exchange/exchange-online';
import { GraphDirectory } from '../../src/adapters/graph/graph-directory';
import { createCredential } from '../../src/adapters/identity/credential';
import { RetryPolicy, type RetryPolicyOptions } from '../../src/adapters/retry/retry-policy';
import { startSimulator } from '../../src/simulator';

export const DEFAULT_SEED = join(__dirname, '..', 'fixtures', 'seed-small.json');

export type Simulator = Awaited<ReturnType<typeof startSimulator>>;

export interface JournalEntry {
  readonly time: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly cmdlet?: string;
  readonly parameters?: unknown;
}

export interface Tenant {
  readonly sim: Simulator;
  readonly exchange: ExchangeOnline;
  readonly directory: GraphDirectory;
  /** The transport under `exchange`, for tests that speak cmdlets directly. */
  readonly exchangeClient: ExchangeClient;
  readonly credentials: { readonly tenantId: string; readonly clientId: string; readonly clientSecret: string };
  /** Every call the simulator received since the last `clearJournal`. */
  journal(): Promise<JournalEntry[]>;
  clearJournal(): Promise<void>;
  setFaults(faults: Record<string, number>): Promise<void>;
  /** The HTTP requests `work` sent to the tenant's APIs (token and admin calls left out): its round trips. */
  roundTrips<T>(work: () => Promise<T>): Promise<{ result: T; requests: { method: string; path: string }[] }>;
  close(): Promise<void>;
}

export interface TenantOptions {
  readonly retry?: RetryPolicyOptions;
  readonly exchangeConcurrency?: number;
  readonly exchangePageSize?: number;
}

/** A simulated tenant on a free port, with the Exchange and Directory adapters wired to it. */
export async function startTenant(seedPath: string = DEFAULT_SEED, options: TenantOptions = {}): Promise<Tenant> {
  const seed = JSON.parse(readFileSync(seedPath, 'utf8')) as { apps: { clientId: string; clientSecret: string }[] };
  const app = seed.apps[0];
  if (!app) throw new Error(`${seedPath} has no app`);
  const sim = await startSimulator({ seed: seedPath, port: 0 });
  const credentials = { tenantId: sim.tenantId, clientId: app.clientId, clientSecret: app.clientSecret };
  const credential = createCredential({ ...credentials, authorityHost: sim.url });
  const retry = new RetryPolicy(options.retry);
  const exchangeClient = new ExchangeClient({
    baseUrl: sim.url,
    tenantId: sim.tenantId,
    credential,
    retry,
    ...(options.exchangeConcurrency ? { concurrency: options.exchangeConcurrency } : {}),
    ...(options.exchangePageSize ? { pageSize: options.exchangePageSize } : {}),
  });
  const exchange = new ExchangeOnline(exchangeClient);
  const directory = new GraphDirectory({ credential, baseUrl: `${sim.url}/`, defaultDomain: sim.defaultDomain, retry });
  const admin = (path: string, init?: RequestInit) => fetch(`${sim.url}/__admin/${path}`, init);
  return {
    sim,
    exchange,
    directory,
    exchangeClient,
    credentials,
    async journal() {
      const body = (await (await admin('requests')).json()) as { requests: JournalEntry[] };
      return body.requests;
    },
    async clearJournal() {
      await (await admin('requests', { method: 'DELETE' })).arrayBuffer();
    },
    async setFaults(faults) {
      const response = await admin('faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(faults) });
      if (!response.ok) throw new Error(`faults refused: ${response.status} ${await response.text()}`);
    },
    roundTrips: (work) => watchRequests(sim.url, work),
    close: () => sim.close(),
  };
}

/** Observes the global fetch every adapter uses; the requests themselves go through untouched. */
async function watchRequests<T>(origin: string, work: () => Promise<T>) {
  const requests: { method: string; path: string }[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const { pathname } = new URL(url);
    if (url.startsWith(origin) && !pathname.startsWith('/__admin/') && !pathname.includes('/oauth2/') && !pathname.includes('/.well-known/')) {
      requests.push({ method, path: pathname });
    }
    return original(input, init);
  };
  try {
    return { result: await work(), requests };
  } finally {
    globalThis.fetch = original;
  }
}
