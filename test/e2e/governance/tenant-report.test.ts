import assert from 'node:assert/strict';
import { startBotEnv, type BotEnv } from '../../support/bot-env';
import type { ConnectorCall } from '../../support/fake-connector';
import { ask } from './helpers';

describe('tenant report over HTTP (demo tenant)', () => {
  let env: BotEnv;

  before(async () => {
    env = await startBotEnv();
  });

  after(async () => {
    await env.close();
  });

  const summaryText = (call: ConnectorCall): string => String(call.body?.attachments?.[0]?.content?.fallbackText ?? '');

  it('answers at once, then posts the summary with a CSV link that downloads when an admin asks for the report', async () => {
    const megan = env.person('megan');
    assert.match(await ask(env, megan, 'report'), /^Report started/);
    await env.connector.waitFor((calls) => calls.some((c) => summaryText(c).startsWith('Shared mailbox report')));
    const summary = summaryText(env.connector.calls.find((c) => summaryText(c).startsWith('Shared mailbox report'))!);
    assert.match(summary, /13 shared mailboxes read/);
    assert.match(summary, /events@contoso\.com forwards outside the organisation to events-agency@fabrikam\.com/);
    const url = /\[Download the CSV\]\(([^)]+)\)/.exec(summary)?.[1];
    assert.ok(url, summary);
    const response = await fetch(url);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-disposition') ?? '', /filename="shared-mailboxes-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = (await response.text()).trim().split('\r\n');
    assert.equal(lines[0], 'mailbox,address,trustees,forwarding,external forwarding,hidden,sign-in enabled,owners in bot,size GB,% of 50 GB,findings');
    assert.equal(lines.length, 14);
  });

  it('refuses the report when the asker is not an admin', async () => {
    assert.match(await ask(env, env.person('adele'), 'report'), /Only admins can run the tenant report/);
  });
});
