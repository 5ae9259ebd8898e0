import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateSeed } from '../../src/simulator/generate';
import { parseSeed } from '../../src/simulator/seed';
import { startSimulator } from '../../src/simulator';
import { SEED_PATH } from './helpers';

const ROOT = resolve(__dirname, '..', '..');
const MAIN = join(ROOT, 'src', 'simulator', 'main.ts');

function run(args: string[], env: Record<string, string>, until?: RegExp): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', MAIN, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (until?.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.on('error', reject);
    child.on('exit', (code) => resolveRun({ code, stdout, stderr }));
  });
}

describe('simulator: command line and generated seeds', () => {
  it('prints the URL, tenant and client id (never the secret) and stops cleanly on SIGTERM', async () => {
    const { code, stdout } = await run([], { TENANT_SEED: SEED_PATH, SIMULATOR_PORT: '0', SIMULATOR_LATENCY_MS: '5' }, /client id:.*\n/);
    assert.equal(code, 0);
    assert.match(stdout, /listening on https:\/\/127\.0\.0\.1:\d+/);
    assert.match(stdout, /3f6d1c2e-8a4b-4c5d-9e7f-0a1b2c3d4e5f/);
    assert.match(stdout, /b2f7a0c4-1d3e-4f5a-8b6c-7d8e9f0a1b2c/);
    assert.doesNotMatch(stdout, /test-secret-not-real/);
    assert.match(stdout, /SIGTERM: stopping/);
  });

  it('exits with a clear message when the seed or a fault variable is malformed', async () => {
    const badFault = await run([], { TENANT_SEED: SEED_PATH, SIMULATOR_PORT: '0', SIMULATOR_THROTTLE_RATE: 'lots' });
    assert.equal(badFault.code, 1);
    assert.match(badFault.stderr, /SIMULATOR_THROTTLE_RATE must be a number/);
    const badSeed = await run([], { TENANT_SEED: join(ROOT, 'nowhere.json'), SIMULATOR_PORT: '0' });
    assert.equal(badSeed.code, 1);
    assert.match(badSeed.stderr, /seed nowhere\.json: cannot read/);
  });

  it('writes a valid generated seed with --generate N --out file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'generated-'));
    try {
      const out = join(dir, 'seed.json');
      const { code } = await run(['--generate', '40', '--out', out], {});
      assert.equal(code, 0);
      const seed = parseSeed(JSON.parse(readFileSync(out, 'utf8')), 'seed.json');
      assert.equal(seed.mailboxes.length, 40);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('generates believable tenants: unique addresses, nested groups, grants, and a simulator that serves them', async () => {
    const seed = parseSeed(generateSeed(250), 'generated');
    const addresses = [...seed.users.map((u) => u.userPrincipalName), ...seed.mailboxes.map((m) => m.primarySmtpAddress), ...seed.groups.flatMap((g) => (g.mail ? [g.mail] : []))];
    assert.equal(new Set(addresses.map((a) => a.toLowerCase())).size, addresses.length);
    const groupIds = new Set(seed.groups.map((g) => g.id));
    const depth = (id: string): number => 1 + Math.max(0, ...(seed.groups.find((g) => g.id === id)?.members.filter((m) => groupIds.has(m)).map(depth) ?? []));
    assert.ok(Math.max(...seed.groups.map((g) => depth(g.id))) >= 3);
    assert.ok(seed.mailboxes.every((m) => m.fullAccess.length >= 1));
    assert.deepEqual(generateSeed(250).mailboxes, seed.mailboxes);
    const sim = await startSimulator({ seed });
    try {
      assert.equal(sim.seed.mailboxes.length, 250);
    } finally {
      await sim.close();
    }
  });
});
