import { strict as assert } from 'node:assert';
import { Verb } from '../../../src/commands/verbs';
import { botEnvForEachTest, type BotEnv } from '../../support/bot-env';
import { cardOf, cardText, clickInChat, conversationOf, exchangeWrites, invokeCard, personalChat, postedTo, requestIdOf, textOf, updatesSaying, verbsOf } from './helpers';

const CHANNEL = '19:097e6717fd7245bdbeba6baa13840db8@thread.skype';
const DAY_MS = 86_400_000;

describe('approval cards in the approvals channel (e2e)', function () {
  this.timeout(30_000);
  let env: BotEnv;
  botEnvForEachTest((started) => (env = started));

  it('posts the next approval card as a new channel thread when an admin set the approvals channel there', async () => {
    const [adele, megan, isaiah] = [env.person('adele'), env.person('megan'), env.person('isaiah')];
    await env.say(adele, 'set approvals channel', { channel: true });
    assert.match(textOf(env.connector.sent().at(-1)), /Only admins can choose the approvals channel/);
    await env.say(megan, 'set approvals channel');
    assert.match(textOf(env.connector.sent().at(-1)), /in the team channel/);
    await env.say(megan, 'set approvals channel', { channel: true });
    assert.match(textOf(env.connector.sent().at(-1)), /now come to this channel/);
    env.connector.clear();

    await env.say(adele, 'add bob to info@');
    await env.bot.settled();

    const posted = env.connector.calls.filter((c) => c.method === 'POST' && conversationOf(c) === CHANNEL);
    assert.equal(posted.length, 1, JSON.stringify(env.connector.calls.map((c) => `${c.method} ${c.path}`)));
    assert.equal(posted[0]!.activityId, undefined, 'a new thread, not a reply');
    assert.equal(env.connector.calls.filter((c) => c.path === '/v3/conversations').length, 0);
    assert.equal(postedTo(env.connector.calls, personalChat(megan)).length + postedTo(env.connector.calls, personalChat(isaiah)).length, 0);
    const card = cardOf(posted[0]!.body);
    const requestId = requestIdOf(card);
    // Isaiah never wrote to the bot: the channel's roster gives his Teams id, so the card refreshes for him too.
    const lookedUp = env.connector.calls.filter((c) => c.method === 'GET' && /\/members\//.test(c.path)).map((c) => c.path.split('/').at(-1));
    assert.deepEqual(lookedUp, [isaiah.aadObjectId]);
    assert.deepEqual(new Set(card.refresh.userIds), new Set([adele, megan, isaiah].flatMap((p) => [`29:${p.aadObjectId}`, p.aadObjectId])));
    assert.ok(!verbsOf(card.actions).includes(Verb.approve), 'channel members who are not approvers see no buttons');

    const refreshed = invokeCard(await env.click(isaiah, Verb.refresh, { requestId }, 'activity-1'));
    assert.ok(verbsOf(refreshed).includes(Verb.approve), 'an approver sees the buttons after the refresh');
    assert.match(cardText(invokeCard(await env.click(isaiah, Verb.approve, { requestId }, 'activity-1'))), /Approved by Isaiah Langer/);

    await env.connector.waitFor((calls) => updatesSaying(calls, 'Approved by Isaiah Langer · done').some((c) => conversationOf(c) === CHANNEL));
  });
});

describe('expired access requests (e2e)', function () {
  this.timeout(30_000);
  let env: BotEnv;
  let offset = 0;
  botEnvForEachTest(
    (started) => (env = started),
    () => {
      offset = 0;
      return { clock: { now: () => new Date(Date.now() + offset) } };
    },
  );

  it('says the request expired and runs nothing when an approver clicks after 7 days', async () => {
    const [adele, megan] = [env.person('adele'), env.person('megan')];
    await env.say(adele, 'add bob to info@');
    const requestId = requestIdOf(cardOf(postedTo(env.connector.calls, personalChat(adele))[0]));
    await env.clearJournal();

    offset = 7 * DAY_MS + 60_000;
    const answer = cardText(invokeCard(await clickInChat(env, megan, Verb.approve, { requestId })));

    assert.match(answer, /expired/i);
    assert.doesNotMatch(answer, /Approved by/);
    assert.deepEqual(exchangeWrites(await env.journal()), []);
    await env.connector.waitFor((calls) => postedTo(calls, personalChat(adele)).some((m) => /Expired/.test(textOf(m))));
    assert.match(cardText(invokeCard(await clickInChat(env, megan, Verb.approve, { requestId }))), /expired/i);
    assert.deepEqual(exchangeWrites(await env.journal()), []);
  });
});
