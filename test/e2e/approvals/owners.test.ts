import { strict as assert } from 'node:assert';
import { Verb } from '../../../src/commands/verbs';
import type { Speaker } from '../../support/activities';
import { botEnvForEachTest, type BotEnv } from '../../support/bot-env';
import { replyTo } from './approvals-env';
import { cardOf, cardText, clickInChat, cmdletCount, exchangeWrites, invokeCard, personalChat, postedTo, requestIdOf, textOf, updatesSaying } from './helpers';

describe('mailbox owners approve instead of the admins (e2e)', function () {
  this.timeout(30_000);
  let env: BotEnv;
  botEnvForEachTest((started) => (env = started));

  it('sends the approval card to the owner only and refuses the admins when a mailbox has an owner', async () => {
    const [adele, megan, isaiah, dana, bob] = ['adele', 'megan', 'isaiah', 'dana', 'bob'].map((n) => env.person(n)) as [Speaker, Speaker, Speaker, Speaker, Speaker];

    assert.match(textOf(await replyTo(env, adele, 'add owner dana to info@')), /Only admins can add owners/);
    assert.match(textOf(await replyTo(env, megan, 'add owner dana to info@')), /Owners of Info[\s\S]*Dana Lopez/);
    assert.match(textOf(await replyTo(env, isaiah, 'owners info@')), /Dana Lopez/);

    const preview = await replyTo(env, adele, 'add bob to info@');
    assert.match(textOf(preview), /Sent to 1 approver\b/);
    const requestId = requestIdOf(cardOf(preview));
    const opened = env.connector.calls.filter((c) => c.path === '/v3/conversations');
    assert.deepEqual(opened.map((c) => c.body.members[0].id), [dana.aadObjectId]);
    assert.equal(postedTo(env.connector.calls, personalChat(dana)).length, 1);
    assert.equal(postedTo(env.connector.calls, personalChat(megan)).length, 0);

    const byAdmin = cardText(invokeCard(await clickInChat(env, megan, Verb.approve, { requestId })));
    assert.match(byAdmin, /Only the owners of Info \(or the admins\) can decide this/);
    assert.deepEqual(exchangeWrites(await env.journal()), []);

    assert.match(cardText(invokeCard(await clickInChat(env, dana, Verb.approve, { requestId }))), /Approved by Dana Lopez/);
    await env.connector.waitFor((calls) => updatesSaying(calls, 'Approved by Dana Lopez · done').length > 0);
    assert.equal(cmdletCount(await env.journal(), 'Add-MailboxPermission'), 1);

    assert.match(textOf(await replyTo(env, dana, 'history info@')), /Dana Lopez · approved/);
    assert.match(textOf(await replyTo(env, bob, 'history info@')), /Only the owners of Info and the admins can see its history/);
  });

  it('goes back to the admins as approvers when the last owner is removed', async () => {
    const [adele, megan] = [env.person('adele'), env.person('megan')];
    await replyTo(env, megan, 'add owner dana to info@');

    assert.match(textOf(await replyTo(env, adele, 'remove owner dana from info@')), /Only admins can remove owners/);
    assert.doesNotMatch(textOf(await replyTo(env, megan, 'remove owner dana from info@')), /Dana Lopez/);
    assert.match(textOf(await replyTo(env, megan, 'remove owner dana from info@')), /Dana Lopez is not an owner of Info/);

    assert.match(textOf(await replyTo(env, adele, 'add lee to info@')), /Sent to 2 approvers/);
  });
});
