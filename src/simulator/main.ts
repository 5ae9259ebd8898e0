import { writeFileSync } from 'node:fs';
import { faultsFromEnv } from './faults';
import { generateSeed } from './generate';
import { startSimulator } from './index';

const DEFAULT_SEED = 'src/simulator/seeds/demo.json';
const DEFAULT_PORT = 3979;

async function main(argv: string[]): Promise<void> {
  const generateAt = argv.indexOf('--generate');
  if (generateAt >= 0) {
    generate(argv, generateAt);
    return;
  }
  const seedPath = process.env['TENANT_SEED'] || DEFAULT_SEED;
  const port = process.env['SIMULATOR_PORT'] ? Number(process.env['SIMULATOR_PORT']) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`SIMULATOR_PORT must be a port number (got "${process.env['SIMULATOR_PORT']}")`);
  const simulator = await startSimulator({ seed: seedPath, port, faults: faultsFromEnv(process.env) });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: stopping the simulator\n`);
    void simulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  const app = simulator.seed.apps[0];
  process.stdout.write([
    `Simulated Microsoft 365 tenant "${simulator.seed.tenant.displayName}" listening on ${simulator.url}`,
    `  seed:      ${seedPath}`,
    `  tenant id: ${simulator.tenantId} (${simulator.defaultDomain})`,
    `  client id: ${app?.clientId ?? '(none)'}`,
    `  journal:   ${simulator.url}/__admin/requests   faults: ${simulator.url}/__admin/faults`,
    '',
  ].join('\n'));
}

function generate(argv: string[], at: number): void {
  const count = Number(argv[at + 1]);
  if (!Number.isInteger(count) || count < 1 || count > 100_000) throw new Error('usage: --generate N [--out file]  (N between 1 and 100000)');
  const outAt = argv.indexOf('--out');
  const text = `${JSON.stringify(generateSeed(count), null, 2)}\n`;
  if (outAt >= 0) {
    const out = argv[outAt + 1];
    if (!out) throw new Error('--out needs a file name');
    writeFileSync(out, text);
    process.stdout.write(`wrote a seed with ${count} shared mailboxes to ${out}\n`);
  } else {
    process.stdout.write(text);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`simulator: ${(error as Error).message}\n`);
  process.exit(1);
});
