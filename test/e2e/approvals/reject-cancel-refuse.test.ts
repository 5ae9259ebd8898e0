import { strict as assert } from 'node:assert';
import { Verb } from '../../../src/commands/verbs';
import type { Speaker } from '../../support/activities';
import { botEnvForEachTest, type BotEnv } from '../../support/bot-env';
import { replyTo } from './approvals-env';
import { cardOf, cardText, clickInChat, exchangeWrites, invokeCard, personalChat, postedTo, requestIdOf, textOf, updatesSaying } from './helpers';

describe('access requests that change nothing (e2e)', function () {
  this.timeout(30_000);
  let env: BotEnv;
  botEnvForEachTest((started) => (env = started));

  /** Files a request as `from` and returns its id and the plan preview's text. */
  async function ask(from: Speaker, text: string): Promise<{ requestId: string; preview: string }> {
    const preview = await replyTo(env, from, text);
    return { requestId: requestIdOf(cardOf(preview)), preview: textOf(preview) };
  }

  async function pendingFor(approver: Speaker): Promise<string> {
    return textOf(await replyTo(env, approver, 'pending'));
  }

  it('records the reason, updates the cards and tells the requester when an approver rejects', async () => {
    const [adele, isaiah] = [env.person('adele'), env.person('isaiah')];
    const { requestId, preview } = await ask(adele, 'add irvin to info@');
    assert.match(preview, /Warnings:\n- Irvin Sayers's account is disabled/);

    const answer = await clickInChat(env, isaiah, Verb.reject, { requestId, reason: 'Irvin left the company' });

    assert.match(cardText(invokeCard(answer)), /Rejected by Isaiah Langer: Irvin left the company/);
    await env.connector.waitFor((calls) => postedTo(calls, personalChat(adele)).some((m) => /Rejected by Isaiah Langer: Irvin left the company/.test(textOf(m))));
    await env.bot.settled();
    assert.ok(updatesSaying(env.connector.calls, 'Rejected by Isaiah Langer: Irvin left the company').length >= 2, 'card copies updated');
    assert.deepEqual(exchangeWrites(await env.journal()), []);
    assert.doesNotMatch(await pendingFor(isaiah), new RegExp(requestId));
  });

  it('withdraws the request and ignores a later approval when the requester cancels', async () => {
    const [adele, megan] = [env.person('adele'), env.person('megan')];
    const { requestId, preview } = await ask(adele, "add Bob Kelly to info@contoso.com as send as for 30 days because covering Anna's leave");
    assert.match(preview, /Rights: Send As\n/);
    assert.doesNotMatch(preview, /Automapping/);
    assert.match(preview, /Reason: covering Anna's leave/);
    assert.match(preview, /Ends: \d{1,2} \w{3} \d{4}/);

    assert.match(cardText(invokeCard(await clickInChat(env, adele, Verb.cancel, { requestId }))), /Cancelled by Adele Vance/);
    const late = cardText(invokeCard(await clickInChat(env, megan, Verb.approve, { requestId })));

    assert.match(late, /Cancelled by Adele Vance/);
    assert.deepEqual(exchangeWrites(await env.journal()), []);
    assert.doesNotMatch(await pendingFor(megan), new RegExp(requestId));
  });

  it('refuses with a reason and keeps the request pending when an admin approves their own request', async () => {
    const [megan, isaiah] = [env.person('megan'), env.person('isaiah')];
    const { requestId, preview } = await ask(megan, 'add bob to info@');
    assert.match(preview, /Sent to 1 approver\b/);

    const refusal = cardText(invokeCard(await clickInChat(env, megan, Verb.approve, { requestId })));
    const rejectOwn = cardText(invokeCard(await clickInChat(env, megan, Verb.reject, { requestId })));

    assert.match(refusal, /You can't approve your own request/);
    assert.match(rejectOwn, /cancel it instead/);
    assert.deepEqual(exchangeWrites(await env.journal()), []);
    assert.match(await pendingFor(isaiah), new RegExp(requestId));
  });

  it('refuses with a reason and keeps the request pending when someone who is not an approver clicks', async () => {
    const [adele, bob, megan] = [env.person('adele'), env.person('bob'), env.person('megan')];
    const { requestId } = await ask(adele, 'add bob to info@');

    const approve = cardText(invokeCard(await clickInChat(env, bob, Verb.approve, { requestId })));
    const reject = cardText(invokeCard(await clickInChat(env, bob, Verb.reject, { requestId })));
    const cancel = cardText(invokeCard(await clickInChat(env, bob, Verb.cancel, { requestId })));

    assert.match(approve, /Only the owners of Info \(or the admins\) can decide this/);
    assert.match(reject, /Only the owners of Info \(or the admins\) can decide this/);
    assert.match(cancel, /Only Adele Vance, who asked, can cancel this request/);
    assert.deepEqual(exchangeWrites(await env.journal()), []);
    assert.equal(updatesSaying(env.connector.calls, 'Approved').length, 0);
    assert.match(await pendingFor(megan), new RegExp(requestId));
  });
});
