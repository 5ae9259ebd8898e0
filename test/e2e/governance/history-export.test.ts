import assert from 'node:assert/strict';
import { startBotEnv, type BotEnv } from '../../support/bot-env';
import { ask, click, referenceIn, waitUntilDone } from './helpers';

describe('history since and export over HTTP (demo tenant)', () => {
  let env: BotEnv;

  before(async () => {
    env = await startBotEnv();
    const requestId = referenceIn(await ask(env, env.person('adele'), 'add bob@ to info@ as send as because "cover, for now"'));
    await click(env, env.person('megan'), 'request.approve', { requestId });
    await waitUntilDone(env, env.person('adele'), requestId);
  });

  after(async () => {
    await env.close();
  });

  const today = (): string => new Date().toISOString().slice(0, 10);

  it('shows the entries since a day, and none since a later day', async () => {
    const megan = env.person('megan');
    const answer = await ask(env, megan, `history info@ since ${today()}`);
    assert.match(answer, /History of Info \(info@contoso.com\) since/);
    assert.match(answer, /Megan Bowen · executed/);
    assert.match(await ask(env, megan, 'history info@ since 2099-01-01'), /nothing recorded yet/);
  });

  it('answers a clear error when the day is not on the calendar', async () => {
    assert.match(await ask(env, env.person('megan'), 'history info@ since 2026-02-30'), /not a date on the calendar/);
  });

  it('exports the log as CSV behind a signed link that refuses a changed signature', async () => {
    const answer = await ask(env, env.person('megan'), 'export history');
    const url = /\(([^)]+\/exports\/[^)]+)\)/.exec(answer)?.[1];
    assert.ok(url, answer);
    const response = await fetch(url);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/csv/);
    assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="audit-all-\d{4}-\d{2}-\d{2}.csv"/);
    const csv = await response.text();
    const lines = csv.trim().split('\r\n');
    assert.equal(lines[0], 'time,mailbox,action,outcome,actor,actor address,request,detail,hash,previous hash');
    assert.equal(lines.length, 4);
    assert.ok(lines.some((line) => line.includes(',executed,ok,Megan Bowen,')));
    const forged = url.replace(/sig=[^&]+/, 'sig=AAAA');
    assert.equal((await fetch(forged)).status, 404);
    assert.equal((await fetch(url.replace(/exp=\d+/, `exp=${Date.now() + 86_400_000}`))).status, 404);
  });

  it('refuses an export to people who are not admins', async () => {
    assert.match(await ask(env, env.person('adele'), 'export history'), /Only admins can export the audit history/);
  });
});
