import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../src/simulator';

export const SEED_PATH = resolve(__dirname, '..', 'fixtures', 'seed-small.json');
export const ADMIN_APP = { clientId: 'b2f7a0c4-1d3e-4f5a-8b6c-7d8e9f0a1b2c', secret: 'test-secret-not-real' };
export const READER_APP = { clientId: 'c3a8b1d5-2e4f-4a6b-9c7d-8e9f0a1b2c3d', secret: 'reader-secret-not-real' };
export const EXO_SCOPE = 'https://outlook.office365.com/.default';
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export const ids = {
  adele: '11111111-1111-4111-8111-000000000001',
  megan: '11111111-1111-4111-8111-000000000002',
  alex: '11111111-1111-4111-8111-000000000003',
  isaiah: '11111111-1111-4111-8111-000000000004',
  patti: '11111111-1111-4111-8111-000000000005',
  lynne: '11111111-1111-4111-8111-000000000006',
  botAdmins: '22222222-2222-4222-8222-000000000001',
  financeTeam: '22222222-2222-4222-8222-000000000002',
  financeEmea: '22222222-2222-4222-8222-000000000003',
  financeParis: '22222222-2222-4222-8222-000000000004',
  info: '33333333-3333-4333-8333-000000000001',
  finance: '33333333-3333-4333-8333-000000000002',
  reception: '33333333-3333-4333-8333-000000000003',
  diego: '33333333-3333-4333-8333-000000000004',
  sales: '33333333-3333-4333-8333-000000000005',
  orphan: '99999999-9999-4999-8999-000000000009',
};

export function seedObject(): Record<string, unknown> {
  return JSON.parse(readFileSync(SEED_PATH, 'utf8')) as Record<string, unknown>;
}

export interface Harness {
  sim: RunningSimulator;
  /** Seed state, empty journal and start-up faults again. */
  reset(): Promise<void>;
  token(scope: string, app?: { clientId: string; secret: string }): Promise<string>;
  exo(cmdlet: string, parameters?: Record<string, unknown>, init?: { query?: string; headers?: Record<string, string>; url?: string }): Promise<ExoResponse>;
  graph(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: any }>;
}

export interface ExoResponse { status: number; headers: Headers; body: any; raw: Buffer }

/** Starts a simulator over the small seed; tokens come straight from its token endpoint. */
export async function startHarness(options: Partial<SimulatorOptions> = {}): Promise<Harness> {
  const sim = await startSimulator({ seed: SEED_PATH, ...options });
  const cache = new Map<string, string>();
  const token = async (scope: string, app = ADMIN_APP) => {
    const cacheKey = `${app.clientId} ${scope}`;
    const cached = cache.get(cacheKey);
    if (cached) return cached;
    const response = await fetch(`${sim.url}/${sim.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.secret, scope }),
    });
    const json = (await response.json()) as { access_token: string };
    cache.set(cacheKey, json.access_token);
    return json.access_token;
  };
  return {
    sim,
    token,
    async reset() {
      const response = await fetch(`${sim.url}/__admin/reset`, { method: 'POST' });
      if (response.status !== 204) throw new Error(`reset answered ${response.status}`);
    },
    async exo(cmdlet, parameters = {}, init = {}) {
      const url = init.url ?? `${sim.url}/adminapi/beta/${sim.tenantId}/InvokeCommand${init.query ?? ''}`;
      const response = await fetch(url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${await token(EXO_SCOPE)}`, 'Content-Type': 'application/json', ...init.headers },
        body: JSON.stringify({ CmdletInput: { CmdletName: cmdlet, Parameters: parameters } }),
      });
      const raw = Buffer.from(await response.arrayBuffer());
      let body: unknown;
      try { body = JSON.parse(raw.toString('utf8')); } catch { body = undefined; }
      return { status: response.status, headers: response.headers, body, raw };
    },
    async graph(method, path, body, headers = {}) {
      const response = await fetch(`${sim.url}/v1.0/${path}`, {
        method,
        headers: { Authorization: `Bearer ${await token(GRAPH_SCOPE)}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
    },
  };
}

export function rowsWithoutSelf(rows: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  return rows.filter((row) => row['UserSid'] !== 'S-1-5-10' && row['TrusteeSidString'] !== 'S-1-5-10');
}
