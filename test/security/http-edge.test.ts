import assert from 'node:assert/strict';
import { cardAction, personalMessage, type Speaker } from '../support/activities';
import type { BotEnv } from '../support/bot-env';
import { refusingConnector, sharedBotEnv } from './security-env';
import { MAX_BODY_BYTES } from '../../src/server';

const STACK = /\n\s+at\s|\.(ts|js):\d+/;

describe('HTTP edge of /api/messages', () => {
  let env: BotEnv;
  let megan: Speaker;

  sharedBotEnv((started) => {
    env = started;
    megan = env.person('megan');
  });

  const send = async (body: string, contentType = 'application/json') => {
    const response = await fetch(`${env.bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });
    return { status: response.status, text: await response.text() };
  };
  const message = (text: string) => personalMessage(megan, text, { tenantId: env.sim.tenantId, serviceUrl: env.connector.url });

  async function assertNothingHappened(): Promise<void> {
    assert.deepEqual(env.connector.calls, [], 'no reply');
    assert.deepEqual(await env.journal(), [], 'no call to the tenant');
  }

  it('answers 413 with a clear message and does nothing when the activity is larger than the limit', async () => {
    const answer = await send(JSON.stringify(message(`who can access info@ ${'x'.repeat(MAX_BODY_BYTES)}`)));
    assert.equal(answer.status, 413);
    assert.match(answer.text, /exceeds/i);
    assert.doesNotMatch(answer.text, STACK);
    await assertNothingHappened();
  });

  it('accepts an activity just under the limit', async () => {
    const activity = message('help');
    activity.channelData.padding = 'x'.repeat(MAX_BODY_BYTES - JSON.stringify(activity).length - 64);
    assert.equal((await send(JSON.stringify(activity))).status, 200);
    assert.equal(env.connector.sent().length, 1);
  });

  it('answers 400 and does nothing when the body is not valid JSON', async () => {
    const answer = await send('{"type": "message", "text": ');
    assert.equal(answer.status, 400);
    assert.doesNotMatch(answer.text, STACK);
    await assertNothingHappened();
  });

  for (const [why, body] of [
    ['has no type', () => JSON.stringify({ ...message('help'), type: undefined })],
    ['has a type that is not a string', () => JSON.stringify({ ...message('help'), type: 42 })],
    ['is a JSON array', () => JSON.stringify([message('help')])],
    ['is a JSON string', () => JSON.stringify('help')],
    ['is null', () => 'null'],
  ] as const) {
    it(`answers 400 with a clear message and does nothing when the body ${why}`, async () => {
      const answer = await send(body());
      assert.equal(answer.status, 400);
      assert.match(answer.text, /activity/);
      await assertNothingHappened();
    });
  }

  for (const serviceUrl of [undefined, '', 'not a url', 'javascript:alert(1)', 'file:///etc/passwd']) {
    it(`answers 400 and does nothing when the serviceUrl is ${JSON.stringify(serviceUrl)}, where no reply could go`, async () => {
      const answer = await send(JSON.stringify({ ...message('help'), serviceUrl }));
      assert.equal(answer.status, 400);
      assert.match(answer.text, /serviceUrl/);
      await assertNothingHappened();
    });
  }

  it('answers a card action that is not an Action.Execute with a 400 error response and does nothing', async () => {
    const click = cardAction(megan, 'access.show', { mailbox: 'info@' }, { tenantId: env.sim.tenantId, serviceUrl: env.connector.url });
    for (const value of [{}, { action: 'request.approve' }, { action: { type: 'Action.Submit', data: {} } }, null]) {
      const answer = await send(JSON.stringify({ ...click, value }));
      assert.equal(answer.status, 400, JSON.stringify(value));
      assert.equal(JSON.parse(answer.text).type, 'application/vnd.microsoft.error');
    }
    await assertNothingHappened();
  });

  it('answers 4xx and does nothing when the body is not JSON at all', async () => {
    const answer = await send('who can access info@', 'text/plain');
    assert.ok(answer.status >= 400 && answer.status < 500, `status ${answer.status}`);
    await assertNothingHappened();
  });

  it('answers a 5xx with only a logged reference, never a stack trace, when the turn cannot complete', async () => {
    const connector = await refusingConnector();
    const activity = message('help');
    activity.serviceUrl = connector.serviceUrl;
    const answer = await send(JSON.stringify(activity)).finally(() => connector.close());
    assert.ok(answer.status >= 500, `status ${answer.status}`);
    assert.doesNotMatch(answer.text, STACK);
    const { reference } = JSON.parse(answer.text) as { reference: string };
    assert.match(reference, /^[0-9a-f]{8}$/);
    assert.ok(env.log.lines.some((l) => l.level === 'error' && l.fields['reference'] === reference), 'the reference is in the log');
  });
});
