import { strict as assert } from 'node:assert';
import type { Speaker } from '../../support/activities';
import type { BotEnv } from '../../support/bot-env';
import { twoInstancesForEachTest } from '../../support/two-instances';
import { replyTo } from '../approvals/approvals-env';
import { Verb } from '../../../src/commands/verbs';
import { cardOf, cardText, clickInChat, invokeCard, textOf } from '../approvals/helpers';
import { overdueReportsFor, reviewCardsFor, reviewIdOf, submission } from './review-env';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

describe('scheduled access reviews across two bot instances (e2e)', function () {
  this.timeout(30_000);
  let first: BotEnv;
  let second: BotEnv;
  let moveClock: (ms: number) => void;
  twoInstancesForEachTest((instances) => ({ first, second, moveClock } = instances), { REVIEW_EVERY_DAYS: '30' });

  /** Both instances sweep at once, twice, as their timers would after the clock moved. */
  const sweepAt = async (at: number) => {
    moveClock(at);
    await Promise.all([first.bot.sweep(), second.bot.sweep(), first.bot.sweep()]);
    await Promise.all([first.bot.sweep(), second.bot.sweep()]);
  };
  /** Megan (an admin) makes Adele the owner of info@, so its scheduled reviews go to her; Megan and Isaiah are the admins. */
  const adeleOwnsInfo = async (): Promise<[Speaker, Speaker, Speaker]> => {
    const [adele, megan, isaiah] = [first.person('adele'), first.person('megan'), first.person('isaiah')];
    assert.match(textOf(await replyTo(first, megan, 'add owner adele to info@')), /Owners of Info/);
    return [adele, megan, isaiah];
  };
  const counts = (owner: Speaker, admins: readonly Speaker[]) => {
    const cards = reviewCardsFor(first.connector.calls, owner);
    return {
      cards: cards.filter((m) => !/^Reminder/.test(textOf(m))).length,
      reminders: cards.filter((m) => /^Reminder/.test(textOf(m))).length,
      overdue: admins.map((admin) => overdueReportsFor(first.connector.calls, admin).length),
    };
  };

  it('does send the card once, remind once, report to the admins once, and repeat nothing when the clock jumps', async () => {
    const [adele, megan, isaiah] = await adeleOwnsInfo();
    first.connector.clear();

    await sweepAt(2 * HOUR_MS);
    assert.deepEqual(counts(adele, [megan, isaiah]), { cards: 1, reminders: 0, overdue: [0, 0] }, 'the card once, to the owner only');
    const [card] = reviewCardsFor(first.connector.calls, adele);
    assert.match(textOf(card), /Please submit by/);
    const reviewId = reviewIdOf(cardOf(card));
    assert.equal(reviewCardsFor(first.connector.calls, megan).length, 0, 'mailboxes without owners get no scheduled review');

    await sweepAt(3 * DAY_MS);
    assert.deepEqual(counts(adele, [megan, isaiah]), { cards: 1, reminders: 0, overdue: [0, 0] }, 'nothing before half way');
    await sweepAt(4 * DAY_MS);
    assert.deepEqual(counts(adele, [megan, isaiah]), { cards: 1, reminders: 1, overdue: [0, 0] }, 'one reminder half way');
    assert.equal(reviewIdOf(cardOf(reviewCardsFor(first.connector.calls, adele)[1])), reviewId, 'the reminder is the same review');

    await sweepAt(1 * DAY_MS);
    await sweepAt(4 * DAY_MS + HOUR_MS);
    assert.deepEqual(counts(adele, [megan, isaiah]), { cards: 1, reminders: 1, overdue: [0, 0] }, 'a clock moved back and forth repeats nothing');

    await sweepAt(8 * DAY_MS);
    assert.deepEqual(counts(adele, [megan, isaiah]), { cards: 1, reminders: 1, overdue: [1, 1] }, 'each admin told once it is overdue');
    assert.match(textOf(overdueReportsFor(first.connector.calls, megan)[0]), /access review of Info \(info@contoso\.com\)/);

    await sweepAt(2 * DAY_MS);
    await sweepAt(9 * DAY_MS);
    await sweepAt(29 * DAY_MS);
    assert.deepEqual(counts(adele, [megan, isaiah]), { cards: 1, reminders: 1, overdue: [1, 1] }, 'no repeat before the next period');

    await sweepAt(30 * DAY_MS + 3 * HOUR_MS);
    assert.deepEqual(counts(adele, [megan, isaiah]), { cards: 2, reminders: 1, overdue: [1, 1] }, 'the next review once the period is over');
    assert.notEqual(reviewIdOf(cardOf(reviewCardsFor(first.connector.calls, adele).at(-1))), reviewId);
  });

  it('does send a review that jumps straight past its due day one reminder, then one report', async () => {
    const [adele, megan, isaiah] = await adeleOwnsInfo();
    first.connector.clear();
    await sweepAt(2 * HOUR_MS);
    await sweepAt(20 * DAY_MS);
    await sweepAt(21 * DAY_MS);
    assert.deepEqual(counts(adele, [megan, isaiah]), { cards: 1, reminders: 1, overdue: [1, 1] });
  });

  it('does neither remind nor report a scheduled review its owner submitted', async () => {
    const [adele, megan, isaiah] = await adeleOwnsInfo();
    first.connector.clear();
    await sweepAt(2 * HOUR_MS);
    const reviewId = reviewIdOf(cardOf(reviewCardsFor(first.connector.calls, adele)[0]));
    const refused = cardText(invokeCard(await clickInChat(first, megan, Verb.submitReview, submission(reviewId, {}))));
    assert.match(refused, /Only the people this review of Info was sent to can submit it/);
    assert.match(cardText(invokeCard(await clickInChat(first, adele, Verb.submitReview, submission(reviewId, {})))), /Submitted by Adele Vance: 0 removals filed/);
    await sweepAt(4 * DAY_MS);
    await sweepAt(8 * DAY_MS);
    assert.deepEqual(counts(adele, [megan, isaiah]), { cards: 1, reminders: 0, overdue: [0, 0] });
  });

  it('does report an overdue review once in the approvals channel, and not in the admins\' chats, when one is set', async () => {
    const [adele, megan, isaiah] = await adeleOwnsInfo();
    await first.say(megan, 'set approvals channel', { channel: true });
    assert.match(textOf(first.connector.sent().at(-1)), /now come to this channel/);
    first.connector.clear();
    await sweepAt(2 * HOUR_MS);
    await sweepAt(8 * DAY_MS);
    await sweepAt(8 * DAY_MS + HOUR_MS);

    const inChannel = first.connector.calls.filter((c) => c.method === 'POST' && decodeURIComponent(c.conversationId ?? '').startsWith('19:'));
    const reports = inChannel.filter((c) => /is not finished: its owners have not submitted it/.test(textOf(c.body)));
    assert.equal(reports.length, 1, 'one overdue report in the channel');
    assert.equal(reports[0]!.activityId, undefined, 'a new thread, not a reply');
    assert.deepEqual(counts(adele, [megan, isaiah]), { cards: 1, reminders: 1, overdue: [0, 0] }, 'no admin told in a 1:1 chat');
  });
});
