import assert from 'node:assert/strict';
import { personalMessage, type Speaker } from '../support/activities';
import { RecordingLog } from '../support/recording-log';
import type { ChannelTokenOptions } from '../support/openid-server';
import { startSecuredBot, type SecuredBot } from './secured-bot';

describe('inbound authentication with a Bot Framework identity', function () {
  this.timeout(60_000);
  let env: SecuredBot;
  let adele: Speaker;

  before(async () => {
    env = await startSecuredBot();
    const user = env.sim.seed.users.find((u) => u.userPrincipalName.startsWith('adele@'))!;
    adele = { aadObjectId: user.id, name: user.displayName };
  });
  after(async () => {
    await env?.close();
  });

  const message = (text = 'help') => personalMessage(adele, text, { tenantId: env.tenantId, serviceUrl: env.connector.url });
  const bearer = async (options: Partial<ChannelTokenOptions> = {}) => `Bearer ${await env.openId.channelToken({ serviceUrl: env.connector.url, ...options })}`;

  async function assertNothingHappened(answer: { status: number; text: string }): Promise<void> {
    assert.equal(answer.status, 401);
    assert.doesNotMatch(answer.text, /\bat\s.+\(|\.ts:\d+/, 'no stack trace in the answer');
    assert.deepEqual(env.connector.calls, [], 'no call to the Bot Connector');
    assert.equal(await env.storedDocument('settings:service-url'), undefined, 'nothing stored');
    assert.equal(await env.storedDocument(`conversation:${adele.aadObjectId}`), undefined, 'nothing stored');
    assert.deepEqual((await (await fetch(`${env.sim.url}/__admin/requests`)).json()).requests, [], 'no call to Exchange or Graph');
  }

  const refusals: [string, () => Promise<string | undefined>][] = [
    ['there is no Authorization header', async () => undefined],
    ['the header is not a bearer token', async () => `Basic ${Buffer.from('bot:secret').toString('base64')}`],
    ['the bearer token is not a JWT', async () => 'Bearer not-a-token'],
    ['the token is signed by another key under a published kid', () => bearer({ signing: 'forged' })],
    ['the token is signed with HS256 under a published kid', () => bearer({ signing: 'hs256' })],
    ['the token names a key that was never published', () => bearer({ signing: 'unknown-kid' })],
    ['the token expired more than 5 minutes ago', () => bearer({ expiresIn: -6 * 60 })],
    ['the token is for another bot', () => bearer({ audience: '00000000-0000-0000-0000-000000000001' })],
    ['the token comes from another issuer', () => bearer({ issuer: 'https://sts.windows.net/evil/' })],
    ['the token was issued for another serviceUrl', () => bearer({ serviceUrl: 'https://smba.trafficmanager.net/amer/' })],
  ];
  for (const [why, authorization] of refusals) {
    it(`answers 401 and does nothing when ${why}`, async () => {
      await assertNothingHappened(await env.post(message(), await authorization()));
    });
  }

  it('answers a refused invoke 401 too, without running the action', async () => {
    const invoke = { ...message(), type: 'invoke', name: 'adaptiveCard/action', text: undefined, value: { action: { type: 'Action.Execute', verb: 'request.approve', data: { requestId: 'x' } } } };
    await assertNothingHappened(await env.post(invoke, await bearer({ signing: 'forged' })));
  });

  it('replies through the connector with its own bearer token when the channel token is valid', async () => {
    const issuedBefore = env.openId.tokensIssued.length;
    const answer = await env.post(message(), await bearer());
    assert.equal(answer.status, 200);
    assert.equal(env.connector.sent().length, 1);
    assert.ok(env.openId.tokensIssued.length > issuedBefore, 'the bot fetched an outbound token');
    assert.equal(await env.storedDocument('settings:service-url'), env.connector.url);
    env.connector.clear();
  });

  it('tolerates a token expired less than 5 minutes ago (clock skew)', async () => {
    const answer = await env.post(message(), await bearer({ expiresIn: -2 * 60 }));
    assert.equal(answer.status, 200);
    assert.equal(env.connector.sent().length, 1);
    env.connector.clear();
  });
});

describe('inbound authentication when the signing keys cannot be fetched', function () {
  this.timeout(60_000);

  it('answers 503 with a logged reference, not 401 or a raw 500, and does nothing', async () => {
    const log = new RecordingLog();
    const env = await startSecuredBot({ log, settings: { ToBotFromChannelOpenIdMetadataUrl: 'https://127.0.0.1:9/v1/.well-known/openidconfiguration' } });
    try {
      const user = env.sim.seed.users.find((u) => u.userPrincipalName.startsWith('megan@'))!;
      const activity = personalMessage({ aadObjectId: user.id, name: user.displayName }, 'help', { tenantId: env.tenantId, serviceUrl: env.connector.url });
      const answer = await env.post(activity, `Bearer ${await env.openId.channelToken({ serviceUrl: env.connector.url })}`);
      assert.equal(answer.status, 503);
      const { reference } = JSON.parse(answer.text) as { reference: string };
      assert.ok(log.lines.some((l) => l.level === 'error' && l.fields['reference'] === reference));
      assert.deepEqual(env.connector.calls, []);
    } finally {
      await env.close();
    }
  });
});
