import { strict as assert } from 'node:assert';
import { Verb } from '../../../src/commands/verbs';
import { botEnvForEachTest, type BotEnv } from '../../support/bot-env';
import { cardOf, cardText, chatClick, clickInChat, cmdletCount, conversationOf, exchangeWrites, invokeCard, personalChat, postedTo, requestIdOf, textOf, updatesSaying, verbsOf } from './helpers';

describe('access request approved with one click (e2e)', function () {
  this.timeout(30_000);
  let env: BotEnv;
  botEnvForEachTest((started) => (env = started));

  it('does the change once, updates every card and tells the requester when an admin approves', async () => {
    const [adele, megan, isaiah] = [env.person('adele'), env.person('megan'), env.person('isaiah')];
    await env.say(megan, 'help');
    env.connector.clear();
    await env.clearJournal();

    assert.equal((await env.say(adele, 'add bob to info@')).status, 200);

    const [preview] = postedTo(env.connector.calls, personalChat(adele));
    const previewText = textOf(preview);
    assert.match(previewText, /Request sent for approval: Give Bob Kelly Full Access, Send As on Info/);
    assert.match(previewText, /Automapping: on/);
    assert.match(previewText, /Info appears in Bob's Outlook within 60 minutes/);
    assert.doesNotMatch(previewText, /Warnings/);
    assert.match(previewText, /Sent to 2 approvers/);
    const requestId = requestIdOf(cardOf(preview));

    // Megan chatted before: her stored 1:1 reference. Isaiah never did: a new 1:1 conversation.
    await env.bot.settled();
    const opened = env.connector.calls.filter((c) => c.method === 'POST' && c.path === '/v3/conversations');
    assert.deepEqual(opened.map((c) => c.body.members), [[{ id: isaiah.aadObjectId }]]);
    for (const approver of [megan, isaiah]) {
      const cards = postedTo(env.connector.calls, personalChat(approver)).map(cardOf);
      assert.equal(cards.length, 1, `one approval card for ${approver.name}`);
      assert.deepEqual(verbsOf(cards[0]).sort(), [Verb.approve, Verb.refresh, Verb.reject].sort());
      // Teams matches its own user ids (learnt from Adele's and Megan's messages); Isaiah has not written yet.
      assert.deepEqual(cards[0].refresh.userIds, [`29:${adele.aadObjectId}`, adele.aadObjectId, `29:${megan.aadObjectId}`, megan.aadObjectId, isaiah.aadObjectId]);
      assert.equal(requestIdOf(cards[0]), requestId);
    }
    assert.deepEqual(exchangeWrites(await env.journal()), [], 'nothing runs before a decision');

    const meganCard = env.connector.calls.find((c) => c.method === 'POST' && conversationOf(c) === personalChat(megan))!;
    const answer = await clickInChat(env, megan, Verb.approve, { requestId }, meganCard.body.id);
    const answered = cardText(invokeCard(answer));
    assert.match(answered, /Approved by Megan Bowen/);

    await env.connector.waitFor((calls) => updatesSaying(calls, 'Approved by Megan Bowen · done').length >= 3);
    const journal = await env.journal();
    const writes = exchangeWrites(journal);
    assert.deepEqual(writes.map((w) => w.cmdlet), ['Add-MailboxPermission', 'Add-RecipientPermission']);
    assert.equal(writes[0]!.parameters.AutoMapping, true);
    assert.deepEqual(writes[0]!.parameters.AccessRights, ['FullAccess']);
    assert.deepEqual(writes[1]!.parameters.AccessRights, ['SendAs']);
    assert.ok(cmdletCount(journal, 'Get-MailboxPermission') >= 1, 'the change is read back');

    const updated = new Set(updatesSaying(env.connector.calls, 'Approved by Megan Bowen · done').map(conversationOf));
    assert.deepEqual(updated, new Set([personalChat(adele), personalChat(megan), personalChat(isaiah)]));
    await env.connector.waitFor((calls) => postedTo(calls, personalChat(adele)).some((m) => /Approved by Megan Bowen · done/.test(textOf(m))));

    env.connector.clear();
    await env.say(adele, 'who can access info@');
    const report = textOf(postedTo(env.connector.calls, personalChat(adele))[0]);
    assert.match(report, /Bob Kelly[^\n]*automapping on/i);

    await env.say(megan, 'history info@');
    const history = textOf(postedTo(env.connector.calls, personalChat(megan))[0]);
    assert.match(history, /Megan Bowen · executed\. grant Full Access and Send As for Bob Kelly .* Ran: Add-MailboxPermission/);
    assert.match(history, new RegExp(`Megan Bowen · approved\\..*\\(request ${requestId}\\)`));
    assert.match(history, /Adele Vance · requested/);
    assert.equal((history.match(/· executed/g) ?? []).length, 1, 'one audit entry for the change');
  });
  it('tells the requester and keeps the request for "pending" when Teams refuses the approval card to every approver', async () => {
    const [adele, megan, isaiah] = [env.person('adele'), env.person('megan'), env.person('isaiah')];
    for (const approver of [megan, isaiah]) env.connector.failNext(1, { status: 403, conversationId: personalChat(approver) });

    assert.equal((await env.say(adele, 'add bob to info@')).status, 200);
    await env.bot.settled();

    const told = postedTo(env.connector.calls, personalChat(adele)).map(textOf);
    assert.match(told.join('\n'), /Request sent for approval/);
    assert.match(told.at(-1)!, /couldn't deliver the approval card for "Give Bob Kelly Full Access, Send As on Info" to any approver yet/);
    assert.equal(env.connector.refused().length, 2, 'one refused card per approver, not retried');
    env.connector.clear();
    await env.say(megan, 'pending');
    assert.deepEqual(env.connector.refused(), []);
    assert.match(textOf(postedTo(env.connector.calls, personalChat(megan))[0]), /Bob Kelly/, 'the approver finds it with "pending"');
  });

  it('changes Exchange once and says "already approved" when Teams resends the same approve invoke 5 times', async () => {
    const [adele, megan] = [env.person('adele'), env.person('megan')];
    await env.say(adele, 'add bob to info@');
    const requestId = requestIdOf(cardOf(postedTo(env.connector.calls, personalChat(adele))[0]));
    await env.clearJournal();

    const resent = chatClick(env, megan, Verb.approve, { requestId });
    const answers: string[] = [];
    for (let i = 0; i < 5; i += 1) answers.push(cardText(invokeCard(await env.post(resent))));

    assert.match(answers[0]!, /Approved by Megan Bowen/);
    assert.doesNotMatch(answers[0]!, /Already approved/);
    for (const later of answers.slice(1)) assert.match(later, /Already approved by Megan Bowen/);
    await env.connector.waitFor((calls) => updatesSaying(calls, 'Approved by Megan Bowen · done').length > 0);
    const journal = await env.journal();
    assert.equal(cmdletCount(journal, 'Add-MailboxPermission'), 1);
    assert.equal(cmdletCount(journal, 'Add-RecipientPermission'), 1);
  });

  it('removes Send on Behalf with Set-Mailbox when an admin approves "remove patti from info@"', async () => {
    const [adele, isaiah] = [env.person('adele'), env.person('isaiah')];
    await env.say(adele, 'remove patti from info@');
    const preview = textOf(postedTo(env.connector.calls, personalChat(adele))[0]);
    assert.match(preview, /Patti Fernandez/);
    assert.match(preview, /Send on Behalf/);
    const requestId = requestIdOf(cardOf(postedTo(env.connector.calls, personalChat(adele))[0]));
    await env.clearJournal();

    assert.match(cardText(invokeCard(await clickInChat(env, isaiah, Verb.approve, { requestId }))), /Approved by Isaiah Langer/);

    await env.connector.waitFor((calls) => updatesSaying(calls, 'Approved by Isaiah Langer · done').length > 0);
    const writes = exchangeWrites(await env.journal());
    assert.deepEqual(writes.map((w) => w.cmdlet), ['Set-Mailbox']);
    assert.equal(writes[0]!.parameters.GrantSendOnBehalfTo.remove, 'patti@contoso.com');
  });
});
