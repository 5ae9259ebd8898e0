import { strict as assert } from 'node:assert';
import { Verb } from '../../../src/commands/verbs';
import type { Speaker } from '../../support/activities';
import { botEnvForEachTest, type BotEnv } from '../../support/bot-env';
import { replyTo } from '../approvals/approvals-env';
import {
  cardOf,
  cardText,
  clickInChat,
  cmdletCount,
  eventually,
  exchangeWrites,
  invokeCard,
  personalChat,
  postedTo,
  sleep,
  textOf,
  verbsOf,
} from '../approvals/helpers';
import { objectId, reviewIdOf, submission } from './review-env';

describe('access reviews (e2e)', function () {
  this.timeout(30_000);
  let env: BotEnv;
  botEnvForEachTest((started) => (env = started));

  const people = (...names: string[]): Speaker[] => names.map((name) => env.person(name));

  /** Megan (an admin) makes `owners` the owners of info@; the first of them asks for a review. */
  async function reviewAsOwner(...owners: Speaker[]): Promise<{ card: any; reviewId: string }> {
    const [megan] = people('megan');
    for (const owner of owners) assert.match(textOf(await replyTo(env, megan!, `add owner ${owner.name} to info@`)), /Owners of Info/);
    const card = cardOf(await replyTo(env, owners[0]!, 'review info@'));
    return { card, reviewId: reviewIdOf(card) };
  }

  it('does send the owner one card with every direct trustee and the people each group brings in', async () => {
    const [adele] = people('adele');
    const { card } = await reviewAsOwner(adele!);
    const text = cardText(card);
    for (const name of ['Adele Vance', 'Customer Support', 'Gerhart Moller (account disabled)', 'Patti Fernandez']) assert.ok(text.includes(name), `${name} listed`);
    assert.match(text, /Through this group: [^"]*Patti Fernandez/);
    assert.match(text, /the choice is for the whole group's grant/);
    const choiceIds = JSON.stringify(card).match(/"id":"review-[0-9a-f-]+"/g) ?? [];
    assert.equal(choiceIds.length, 4, 'one Keep/Remove per direct trustee (the deleted trustee and the Deny entry are not choices)');
    assert.ok(text.includes(`review-${objectId(env, 'Customer Support')}`));
    assert.deepEqual(verbsOf(card), [Verb.submitReview]);
  });

  it('does refuse a review to someone who is neither an owner nor an admin, and lets an admin review', async () => {
    const [bob, isaiah] = people('bob', 'isaiah');
    assert.match(textOf(await replyTo(env, bob!, 'review info@')), /Only the owners of Info and the admins can review who has access to it/);
    assert.deepEqual(verbsOf(cardOf(await replyTo(env, isaiah!, 'review info@'))), [Verb.submitReview]);
  });

  it('does carry out each removal exactly once when the submit is sent five times at once and again later', async () => {
    const [adele] = people('adele');
    const { reviewId } = await reviewAsOwner(adele!);
    await env.clearJournal();
    const data = submission(reviewId, {
      [objectId(env, 'gerhart')]: 'remove',
      [objectId(env, 'Customer Support')]: 'remove',
      [objectId(env, 'adele')]: 'keep',
      [objectId(env, 'patti')]: 'keep',
    });
    const answers = await Promise.all(Array.from({ length: 5 }, () => clickInChat(env, adele!, Verb.submitReview, data)));
    for (const answer of answers) assert.match(cardText(invokeCard(answer)), /Submitted by Adele Vance: 2 removals filed \([^)]+\), 2 kept/);

    const writes = async () => exchangeWrites(await env.journal()).map((w) => w.cmdlet);
    await eventually('both removals carried out', async () => ((await writes()).length >= 3 ? true : undefined));
    await eventually('the reviewer told of both', async () =>
      postedTo(env.connector.calls, personalChat(adele!)).filter((m) => /· done/.test(textOf(m))).length >= 2 ? true : undefined,
    );
    const again = cardText(invokeCard(await clickInChat(env, adele!, Verb.submitReview, submission(reviewId, { [objectId(env, 'adele')]: 'remove' }))));
    assert.match(again, /Already submitted by Adele Vance[^"]*nothing new was filed/);
    assert.equal(again.match(/Removed \(request /g)?.length, 2, again);
    await env.bot.sweep();
    await sleep(300);
    const journal = await env.journal();
    assert.equal(cmdletCount(journal, 'Remove-MailboxPermission'), 2, 'Full Access removed once from Gerhart and once from the group');
    assert.equal(cmdletCount(journal, 'Remove-RecipientPermission'), 1, 'Send As removed once from the group');
    assert.equal((await writes()).length, 3);

    const access = textOf(await replyTo(env, adele!, 'who can access info@'));
    assert.doesNotMatch(access, /Gerhart|Customer Support/);
    assert.match(access, /Adele Vance/);
    const history = textOf(await replyTo(env, adele!, 'history info@'));
    assert.equal(history.match(/review-submitted/g)?.length ?? 0, 1, history);
  });

  it('does refuse a submission from someone the review was not sent to, and change nothing', async () => {
    const [adele, megan, bob] = people('adele', 'megan', 'bob');
    const { reviewId } = await reviewAsOwner(adele!);
    await env.clearJournal();
    const data = submission(reviewId, { [objectId(env, 'gerhart')]: 'remove' });
    for (const stranger of [megan!, bob!]) {
      const refused = cardText(invokeCard(await clickInChat(env, stranger, Verb.submitReview, data)));
      assert.match(refused, /Only the people this review of Info was sent to can submit it/);
    }
    await sleep(200);
    assert.deepEqual(exchangeWrites(await env.journal()), []);
    const open = cardText(invokeCard(await clickInChat(env, adele!, Verb.submitReview, submission(reviewId, {}))));
    assert.match(open, /Submitted by Adele Vance: 0 removals filed, 4 kept/, 'the review was still open for its reviewer');
  });

  it("does send the reviewer's own removal to another approver instead of carrying it out", async () => {
    const [adele, dana] = people('adele', 'dana');
    const { reviewId } = await reviewAsOwner(adele!, dana!);
    await env.clearJournal();
    env.connector.clear();
    const answer = cardText(invokeCard(await clickInChat(env, adele!, Verb.submitReview, submission(reviewId, { [objectId(env, 'adele')]: 'remove' }))));
    assert.match(answer, /Removal waiting for another approver, as it takes away your own access/);
    assert.match(answer, /1 removal filed/);
    const approvalCard = await eventually('the approval card for Dana', async () =>
      postedTo(env.connector.calls, personalChat(dana!)).find((m) => verbsOf(cardOf(m)).includes(Verb.approve)),
    );
    assert.match(textOf(approvalCard), /Adele Vance/);
    assert.equal(postedTo(env.connector.calls, personalChat(adele!)).filter((m) => verbsOf(cardOf(m)).includes(Verb.approve)).length, 0);
    await sleep(300);
    assert.deepEqual(exchangeWrites(await env.journal()), []);
  });
});
