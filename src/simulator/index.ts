import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SimContext } from './context';
import { issuerFor } from './entra';
import { FaultModel, type Faults } from './faults';
import { Journal } from './journal';
import { loadSeed, parseSeed, type Seed } from './seed';
import { createHandler } from './server';
import { buildState } from './state';
import { createTokenService } from './tokens';

export type { Faults } from './faults';
export { DEFAULT_FAULTS } from './faults';
export type { Seed } from './seed';

export interface SimulatorOptions {
  seed: unknown | string;
  port?: number;
  certPath?: string;
  keyPath?: string;
  faults?: Partial<Faults>;
  now?: () => Date;
}

export interface RunningSimulator {
  url: string;
  tenantId: string;
  defaultDomain: string;
  seed: Seed;
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const seed = typeof options.seed === 'string' ? loadSeed(options.seed) : parseSeed(options.seed, 'object');
  const now = options.now ?? (() => new Date());
  const { certPath, keyPath } = await certificate(options);
  let origin = '';
  const ctx: SimContext = {
    seed,
    state: buildState(seed, now()),
    tokens: await createTokenService(() => issuerFor(ctx), seed.tenant.id, now),
    faults: new FaultModel(options.faults),
    journal: new Journal(now),
    origin: () => origin,
    now,
  };
  const server = createServer({ cert: readFileSync(certPath), key: readFileSync(keyPath) }, createHandler(ctx));
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    tenantId: seed.tenant.id,
    defaultDomain: seed.tenant.defaultDomain,
    seed,
    close: () => new Promise<void>((resolveClose) => {
      server.close(() => resolveClose());
      server.closeAllConnections();
    }),
  };
}

async function certificate(options: SimulatorOptions): Promise<{ certPath: string; keyPath: string }> {
  if (options.certPath && options.keyPath) return { certPath: options.certPath, keyPath: options.keyPath };
  const dir = process.env['SIMULATOR_CERT_DIR'] ?? resolve('data', 'dev-cert');
  const moduleUrl = pathToFileURL(resolve(__dirname, '..', '..', 'scripts', 'dev-certificate.mjs')).href;
  const { ensureDevCertificate } = (await import(moduleUrl)) as { ensureDevCertificate(dir: string): Promise<{ certPath: string; keyPath: string }> };
  const minted = await ensureDevCertificate(dir);
  return { certPath: options.certPath ?? minted.certPath, keyPath: options.keyPath ?? minted.keyPath };
}
