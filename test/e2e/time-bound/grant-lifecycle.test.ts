import { strict as assert } from 'node:assert';
import { Verb } from '../../../src/commands/verbs';
import type { BotEnv } from '../../support/bot-env';
import type { ConnectorCall } from '../../support/fake-connector';
import { twoInstancesForEachTest } from '../../support/two-instances';
import { replyTo } from '../approvals/approvals-env';
import { cardOf, cardText, clickInChat, exchangeWrites, invokeCard, personalChat, postedTo, requestIdOf, textOf, verbsOf } from '../approvals/helpers';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const ENDED = /has ended/;

describe('time-bound grants across two bot instances (e2e)', function () {
  this.timeout(30_000);
  let first: BotEnv;
  let second: BotEnv;
  let moveClock: (ms: number) => void;
  twoInstancesForEachTest((instances) => ({ first, second, moveClock } = instances), { MAX_GRANT_DAYS: '30' });

  /** Both instances sweep at once, as their timers would after the clock moved on. */
  const sweepBoth = () => Promise.all([first.bot.sweep(), second.bot.sweep(), first.bot.sweep()]);
  const calls = (): ConnectorCall[] => first.connector.calls;
  const extensionCards = (chat: string) => postedTo(calls(), chat).filter((m) => verbsOf(cardOf(m)).includes(Verb.extend));
  const endedMessages = (chat: string) => postedTo(calls(), chat).filter((m) => ENDED.test(textOf(m)));
  const doneUpdate = (requestId: string) => (all: readonly ConnectorCall[]) =>
    all.some((c) => c.method === 'PUT' && cardText(c.body).includes(requestId) && cardText(c.body).includes('· done'));

  it('does remind once, extend on approval and end once when two instances share the store', async () => {
    const [adele, megan, bob] = [first.person('adele'), first.person('megan'), first.person('bob')];
    await first.say(megan, 'help');
    const preview = await replyTo(first, adele, 'add bob to info@ for 14 days');
    const requestId = requestIdOf(cardOf(preview));
    invokeCard(await clickInChat(first, megan, Verb.approve, { requestId }));
    await first.connector.waitFor(doneUpdate(requestId));

    moveClock(12 * DAY_MS + MINUTE_MS);
    await sweepBoth();
    await sweepBoth();
    await first.connector.waitFor(() => extensionCards(personalChat(bob)).length > 0);
    const [reminder, ...more] = extensionCards(personalChat(bob));
    assert.equal(more.length, 0, 'one reminder card');
    assert.match(textOf(reminder), /Need it longer\? Ask for 14 more days/);

    const refused = cardText(invokeCard(await clickInChat(first, adele, Verb.extend, { requestId })));
    assert.match(refused, /Only Bob Kelly can ask to extend this access/);
    const asked = invokeCard(await clickInChat(first, bob, Verb.extend, { requestId }));
    assert.match(cardText(asked), /Request sent for approval/);
    const extensionId = requestIdOf(asked);
    assert.notEqual(extensionId, requestId);
    assert.match(cardText(invokeCard(await clickInChat(first, bob, Verb.extend, { requestId }))), /already asked for this/);

    invokeCard(await clickInChat(first, megan, Verb.approve, { requestId: extensionId }));
    await first.connector.waitFor(doneUpdate(extensionId));
    await first.clearJournal();

    moveClock(14 * DAY_MS + 2 * MINUTE_MS);
    await sweepBoth();
    assert.deepEqual(exchangeWrites(await first.journal()), [], 'the extension keeps the access past the first end');
    assert.equal(endedMessages(personalChat(bob)).length, 0);

    moveClock(28 * DAY_MS + 3 * MINUTE_MS);
    await sweepBoth();
    await sweepBoth();
    assert.deepEqual(exchangeWrites(await first.journal()).map((w) => w.cmdlet), ['Remove-MailboxPermission', 'Remove-RecipientPermission']);
    await first.connector.waitFor(() => endedMessages(personalChat(bob)).length > 0 && endedMessages(personalChat(megan)).length > 0);
    assert.equal(endedMessages(personalChat(bob)).length, 1);
    assert.equal(endedMessages(personalChat(megan)).length, 1);
    assert.match(textOf(endedMessages(personalChat(megan))[0]), /approved by Megan Bowen/);
    assert.equal(extensionCards(personalChat(bob)).length, 1, 'no reminder once the end has passed');
  });

  it('does refuse a grant longer than MAX_GRANT_DAYS with a clear message', async () => {
    const adele = first.person('adele');
    const reply = await replyTo(first, adele, 'add bob to info@ for 45 days');
    assert.match(textOf(reply), /at most 30 days at a time; you asked for 45/);
    assert.deepEqual(exchangeWrites(await first.journal()), []);
  });
});
