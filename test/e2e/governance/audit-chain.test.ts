import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startBotEnv, type BotEnv } from '../../support/bot-env';
import { ask, click, referenceIn, waitUntilDone } from './helpers';

describe('hash-chained audit over HTTP (demo tenant, SQLite file)', () => {
  let env: BotEnv;
  let dir: string;
  let file: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'audit-chain-'));
    file = join(dir, 'bot.db');
    env = await startBotEnv({ store: `sqlite:${file}` });
    const requestId = referenceIn(await ask(env, env.person('adele'), 'add bob@ to info@ as send as'));
    await click(env, env.person('megan'), 'request.approve', { requestId });
    await waitUntilDone(env, env.person('adele'), requestId);
  });

  after(async () => {
    await env.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies the chain when nobody touched the log', async () => {
    const answer = await ask(env, env.person('megan'), 'verify history info@');
    assert.match(answer, /Audit history verified/);
    assert.match(answer, /Info \(info@contoso.com\): 3 entries verified/);
  });

  it('refuses people who are not admins', async () => {
    assert.match(await ask(env, env.person('adele'), 'verify history'), /Only admins can verify the audit history/);
  });

  it('reports the first broken link when an entry is edited directly in the SQLite file', async () => {
    const raw = new Database(file);
    try {
      // Someone with the file can drop the append-only trigger; the chain still gives them away.
      raw.exec('DROP TRIGGER audit_no_update');
      const second = raw.prepare("SELECT id FROM audit WHERE json_extract(body, '$.action') = 'approved'").get() as { id: string };
      raw.prepare("UPDATE audit SET body = json_set(body, '$.detail', 'nothing happened') WHERE id = ?").run(second.id);
      const answer = await ask(env, env.person('megan'), 'verify history');
      assert.match(answer, /Audit history BROKEN in 1 mailbox/);
      assert.match(answer, new RegExp(`first broken link at entry ${second.id} .*it was edited`));
    } finally {
      raw.close();
    }
  });
});
