#!/usr/bin/env node
// Runs a command with the simulator's development certificate trusted explicitly (NODE_EXTRA_CA_CERTS is
// read only when a Node process starts, so the launcher must set it before the bot or the tests start).
// With real Microsoft 365 credentials configured, the command runs unchanged.
import { spawn } from 'node:child_process';
import { ensureDevCertificate } from './dev-certificate.mjs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: with-dev-ca.mjs <command> [args…]');
  process.exit(2);
}
const env = { ...process.env };
if (!env.AZURE_CLIENT_ID) {
  const { certPath } = await ensureDevCertificate();
  env.NODE_EXTRA_CA_CERTS = certPath;
  env.SIMULATOR_CERT_DIR = env.SIMULATOR_CERT_DIR ?? (await import('node:path')).dirname(certPath);
}
const child = spawn(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
