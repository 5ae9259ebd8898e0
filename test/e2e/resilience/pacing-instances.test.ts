import { strict as assert } from 'node:assert';
import type { ConversationReference } from 'botbuilder';
import { createAdapter } from '../../../src/bot/create-adapter';
import { DEFAULT_PACING, OutboundPacer, pacingPerInstance } from '../../../src/bot/outbound-pacer';
import { loadConfig } from '../../../src/config';
import { FakeConnector } from '../../support/fake-connector';
import { RecordingLog } from '../../support/recording-log';

// Receipt times at the fake connector jitter by a few milliseconds around the pacer's send times.
const JITTER_MS = 20;

function busiestSecond(times: readonly number[], windowMs = 1000 - JITTER_MS): number {
  return Math.max(0, ...times.map((start) => times.filter((t) => t >= start && t < start + windowMs).length));
}

describe('pacing toward Teams with several instances (e2e)', function () {
  this.timeout(20_000);
  let connector: FakeConnector;
  beforeEach(async () => {
    connector = await new FakeConnector().start();
  });
  afterEach(async () => {
    await connector.stop();
  });

  it('does read BOT_INSTANCES, one by default', () => {
    assert.equal(loadConfig({}).botInstances, 1);
    assert.equal(loadConfig({ BOT_INSTANCES: '3' }).botInstances, 3);
    assert.throws(() => loadConfig({ BOT_INSTANCES: '0' }), /BOT_INSTANCES must be a whole number/);
  });

  it('keeps two instances together within 25 sends per rolling second and 4 per conversation', async () => {
    const instances = [0, 1].map(() => createAdapter(undefined, new RecordingLog(), undefined, pacingPerInstance(2)));
    const reference = (conversationId: string): Partial<ConversationReference> => ({
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      bot: { id: '28:bot', name: 'Mailbox Bot' },
    });
    // 60 sends spread over 10 chats, each chat's messages going to both instances as a load balancer would.
    await Promise.all(Array.from({ length: 60 }, (_, i) =>
      instances[i % 2]!.continueConversationAsync('', reference(`chat-${i % 10}`), async (context) => {
        await context.sendActivity({ type: 'message', text: `message ${i}` });
      })));

    const sends = connector.calls.filter((call) => call.conversationId !== undefined);
    assert.equal(sends.length, 60);
    assert.ok(busiestSecond(sends.map((c) => c.at!)) <= DEFAULT_PACING.perTenant);
    for (let chat = 0; chat < 10; chat += 1) {
      const times = sends.filter((c) => decodeURIComponent(c.conversationId!) === `chat-${chat}`).map((c) => c.at!);
      assert.ok(busiestSecond(times) <= DEFAULT_PACING.perConversation, `chat-${chat}: ${times.join(', ')}`);
    }
  });

  it('keeps sends a full gap apart when a busy event loop woke them late', async () => {
    const pacer = new OutboundPacer({ perConversation: Infinity, perTenant: 25 });
    const released: number[] = [];
    const takes = Array.from({ length: 6 }, (_, i) => pacer.take(`chat-${i}`).then(() => released.push(Date.now())));
    await new Promise((resolve) => setImmediate(resolve)); // every take has its slot now
    const blockedUntil = Date.now() + 150;
    while (Date.now() < blockedUntil); // every slot but the first falls due while the loop is blocked
    await Promise.all(takes);
    const gaps = released.slice(1).map((at, i) => at - released[i]!);
    assert.ok(gaps.every((gap) => gap >= 40), `gaps ${gaps.join(', ')} ms`);
  });
});
