import { strict as assert } from 'node:assert';
import type { ConversationReference } from 'botbuilder';
import { createAdapter } from '../../../src/bot/create-adapter';
import type { MailboxAdapter } from '../../../src/bot/mailbox-adapter';
import type { PacingLimits } from '../../../src/bot/outbound-pacer';
import { startBotEnv } from '../../support/bot-env';
import { FakeConnector, type ConnectorCall } from '../../support/fake-connector';
import { RecordingLog } from '../../support/recording-log';
import { personalChat, postedTo } from '../approvals/helpers';

// Receipt times at the fake connector jitter by a few milliseconds around the pacer's send times.
const JITTER_MS = 20;

/** The most calls seen in any rolling second. */
function busiestSecond(calls: readonly ConnectorCall[]): number {
  const times = calls.map((c) => c.at ?? 0).sort((a, b) => a - b);
  return Math.max(0, ...times.map((start) => times.filter((t) => t >= start && t < start + 1000 - JITTER_MS).length));
}

describe('outbound traffic toward Teams (e2e)', function () {
  this.timeout(30_000);
  let connector: FakeConnector;

  beforeEach(async () => {
    connector = await new FakeConnector().start();
  });
  afterEach(async () => {
    await connector.stop();
  });

  const log = new RecordingLog();
  const proactive = (limits?: PacingLimits) => {
    const adapter: MailboxAdapter = createAdapter(undefined, log, undefined, limits);
    const reference = (conversationId: string): Partial<ConversationReference> => ({
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      bot: { id: '28:bot', name: 'Mailbox Bot' },
    });
    return {
      update: (conversationId: string, activityId: string) =>
        adapter.continueConversationAsync('', reference(conversationId), async (context) => {
          await context.updateActivity({ type: 'message', id: activityId, text: `card ${activityId}` });
        }),
      send: (conversationId: string) =>
        adapter.continueConversationAsync('', reference(conversationId), async (context) => {
          await context.sendActivity({ type: 'message', text: 'hello' });
        }),
    };
  };

  it('keeps one conversation at 4 sends per rolling second and delivers all when 20 card updates go at once', async () => {
    const bot = proactive();
    await Promise.all(Array.from({ length: 20 }, (_, i) => bot.update('a:one-chat', `card-${i}`)));

    const updates = connector.updates();
    assert.equal(updates.length, 20);
    assert.deepEqual(new Set(updates.map((c) => c.activityId)).size, 20, 'each card updated once');
    assert.ok(busiestSecond(updates) <= 4, `busiest second had ${busiestSecond(updates)} updates`);
  });

  it('keeps the whole tenant at 25 sends per rolling second when many conversations are updated at once', async () => {
    const bot = proactive();
    const started = Date.now();
    await Promise.all(Array.from({ length: 60 }, (_, i) => bot.update(`a:chat-${i % 30}`, `card-${i}`)));

    assert.equal(connector.updates().length, 60);
    assert.ok(busiestSecond(connector.updates()) <= 25, `busiest second had ${busiestSecond(connector.updates())} updates`);
    assert.ok(Date.now() - started < 4_000, 'conversations do not wait for each other beyond the tenant cap');
  });

  it('sends without waiting when the limits are lifted', async () => {
    const bot = proactive({ perConversation: Infinity, perTenant: Infinity });
    const started = Date.now();
    await Promise.all(Array.from({ length: 20 }, (_, i) => bot.update('a:one-chat', `card-${i}`)));
    assert.equal(connector.updates().length, 20);
    assert.ok(Date.now() - started < 1_500);
  });

  it('posts a new message exactly once when Teams answers 503, and reports the failure', async () => {
    connector.failNext(1, { status: 503, method: 'POST' });
    log.lines.length = 0;
    await proactive().send('a:one-chat');
    assert.equal(connector.calls.filter((c) => c.method === 'POST').length, 1, 'no blind second POST');
    assert.deepEqual(log.lines.filter((l) => l.level === 'error').map((l) => (l.fields.error as { statusCode?: number }).statusCode), [503]);
  });

  it('retries a card update until it lands when Teams answers 503', async () => {
    connector.failNext(2, { status: 503, method: 'PUT' });
    await proactive().update('a:one-chat', 'card-1');
    assert.deepEqual(
      connector.calls.map((c) => `${c.method} ${c.status}`),
      ['PUT 503', 'PUT 503', 'PUT 200'],
    );
  });

  it('waits for Retry-After and then delivers the reply once when Teams answers 429 in a turn', async () => {
    const env = await startBotEnv();
    try {
      const adele = env.person('adele');
      env.connector.failNext(1, { status: 429, retryAfter: '1', method: 'POST' });
      assert.equal((await env.say(adele, 'help')).status, 200);

      const [refused, ...rest] = env.connector.calls.filter((c) => c.method === 'POST');
      assert.equal(refused?.status, 429);
      assert.equal(postedTo(env.connector.calls.filter((c) => c.status === 200), personalChat(adele)).length, 1, 'delivered once');
      assert.ok((rest[0]?.at ?? 0) - (refused?.at ?? 0) >= 950, 'Retry-After honoured');
      assert.deepEqual(env.log.lines.filter((l) => l.level === 'error'), []);
    } finally {
      await env.close();
    }
  });
});
