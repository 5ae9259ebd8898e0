import assert from 'node:assert/strict';
import { cardAction, personalMessage, type Speaker } from '../support/activities';
import type { BotEnv } from '../support/bot-env';
import { sharedBotEnv } from './security-env';

const OTHER_TENANT = '9b1f6d3e-1111-4222-8333-444455556666';

describe('tenant isolation', () => {
  let env: BotEnv;
  let megan: Speaker;

  sharedBotEnv((started) => {
    env = started;
    megan = env.person('megan');
  });

  const where = () => ({ tenantId: env.sim.tenantId, serviceUrl: env.connector.url });
  const withTenants = (activity: any, conversationTenant: string | undefined, channelDataTenant: string | undefined) => {
    activity.conversation.tenantId = conversationTenant;
    if (channelDataTenant === undefined) delete activity.channelData.tenant;
    else activity.channelData.tenant = { id: channelDataTenant };
    return activity;
  };

  async function assertDropped(answer: { status: number }): Promise<void> {
    assert.notEqual(answer.status, 500);
    assert.deepEqual(env.connector.calls, [], 'no reply');
    assert.deepEqual(await env.journal(), [], 'no lookups in the tenant');
    assert.ok(env.log.lines.some((l) => l.level === 'warn' && /another tenant/.test(l.message)), 'a log line says why');
  }

  const cases: [string, string | undefined, string | undefined][] = [
    ['comes from another tenant', OTHER_TENANT, OTHER_TENANT],
    ['names another tenant only in channelData', undefined, OTHER_TENANT],
    ['names another tenant only in the conversation', OTHER_TENANT, undefined],
    ['names the served tenant in the conversation and another in channelData', 'served', OTHER_TENANT],
    ['names another tenant in the conversation and the served one in channelData', OTHER_TENANT, 'served'],
    ['names no tenant at all', undefined, undefined],
  ];
  for (const [why, conversationTenant, channelDataTenant] of cases) {
    const resolve = (t: string | undefined) => (t === 'served' ? env.sim.tenantId : t);
    it(`drops a message without a reply when it ${why}`, async () => {
      const activity = withTenants(personalMessage(megan, 'who can access info@', where()), resolve(conversationTenant), resolve(channelDataTenant));
      await assertDropped(await env.post(activity));
    });
    it(`drops a card action with a bare 403 when it ${why}`, async () => {
      const activity = withTenants(cardAction(megan, 'access.show', { mailbox: 'info@contoso.com' }, where()), resolve(conversationTenant), resolve(channelDataTenant));
      const answer = await env.post(activity);
      assert.equal(answer.status, 403);
      assert.equal(answer.body, undefined);
      await assertDropped(answer);
    });
  }

  it('serves the configured tenant when it is named in either place, in any letter case', async () => {
    const activity = withTenants(personalMessage(megan, 'who can access info@', where()), undefined, env.sim.tenantId.toUpperCase());
    assert.equal((await env.post(activity)).status, 200);
    assert.equal(env.connector.sent().length, 1);
    const invoke = await env.post(withTenants(cardAction(megan, 'access.show', { mailbox: 'info@contoso.com' }, where()), env.sim.tenantId, undefined));
    assert.equal(invoke.status, 200);
    assert.equal(invoke.body.type, 'application/vnd.microsoft.card.adaptive');
  });
});
