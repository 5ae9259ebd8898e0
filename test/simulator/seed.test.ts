import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSeed, parseSeed } from '../../src/simulator/seed';
import { startSimulator } from '../../src/simulator';
import { SEED_PATH, seedObject } from './helpers';

describe('simulator: seed', () => {
  it('loads the small test seed', () => {
    const seed = loadSeed(SEED_PATH);
    assert.equal(seed.mailboxes.length, 5);
    assert.equal(seed.mailboxes[0]!.type, 'shared');
  });

  it('loads the demo seed the simulator ships with', () => {
    const seed = loadSeed(join(__dirname, '..', '..', 'src', 'simulator', 'seeds', 'demo.json'));
    assert.ok(seed.apps.length >= 1 && seed.mailboxes.length >= 1);
  });

  it('names the field path when an address is malformed', () => {
    const seed = seedObject() as { mailboxes: Array<Record<string, unknown>> };
    seed.mailboxes[3]!['primarySmtpAddress'] = 'not-an-address';
    assert.throws(() => parseSeed(seed, 'demo.json'), /^Error: seed demo\.json: mailboxes\[3\]\.primarySmtpAddress: Invalid email/);
  });

  it('names the field path when a required field is missing', () => {
    const seed = seedObject() as { tenant: Record<string, unknown> };
    delete seed.tenant['id'];
    assert.throws(() => parseSeed(seed, 'x.json'), /seed x\.json: tenant\.id: /);
  });

  it('refuses duplicate object ids', () => {
    const seed = seedObject() as { groups: Array<Record<string, unknown>>; users: Array<{ id: string }> };
    seed.groups[0]!['id'] = seed.users[0]!.id;
    assert.throws(() => parseSeed(seed, 'x.json'), /groups\[0\]\.id: duplicate object id/);
  });

  it('reports unreadable and non-JSON files clearly', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seed-'));
    try {
      const broken = join(dir, 'broken.json');
      writeFileSync(broken, '{ nope');
      assert.throws(() => loadSeed(broken), /seed broken\.json: not valid JSON/);
      assert.throws(() => loadSeed(join(dir, 'missing.json')), /seed missing\.json: cannot read/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start on a malformed seed object', async () => {
    await assert.rejects(startSimulator({ seed: { tenant: {} } }), /seed object: tenant\.id/);
  });
});
