import { strict as assert } from 'node:assert';
import { Verb } from '../../../src/commands/verbs';
import type { Speaker } from '../../support/activities';
import { startAzurite, type RunningAzurite } from '../../support/azurite';
import { startBotEnv, type BotEnv } from '../../support/bot-env';
import { cardOf, cardText, clickInChat, cmdletCount, exchangeWrites, invokeCard, personalChat, planPreviewFor, postedTo, requestIdOf, textOf, updatesSaying } from './helpers';

const CLICKS = 50;
const LOST = /Already (approved|rejected) by/;

describe('racing decisions on two bot instances sharing Azure Table Storage (e2e)', function () {
  this.timeout(60_000);
  let azurite: RunningAzurite;
  let first: BotEnv;
  let second: BotEnv;
  before(async () => {
    azurite = await startAzurite();
    const store = `azure-tables:${azurite.connectionString}`;
    first = await startBotEnv({ store });
    second = await startBotEnv({ store, sim: first.sim });
  });
  after(async () => {
    await second?.close();
    await first?.close();
    await azurite?.stop();
  });

  async function fileRequest(text: string): Promise<string> {
    const adele = first.person('adele');
    first.connector.clear();
    await first.say(adele, text);
    const requestId = requestIdOf(cardOf(planPreviewFor(first.connector.calls, adele)));
    await first.clearJournal();
    return requestId;
  }

  /** `CLICKS` invokes at once, spread over both instances and both admins; every one must get a 200 card. */
  async function clickAll(requestId: string, verbOf: (i: number) => string): Promise<string[]> {
    const approvers: Speaker[] = [first.person('megan'), first.person('isaiah')];
    const answers = await Promise.all(
      Array.from({ length: CLICKS }, (_, i) => {
        const env = i % 2 === 0 ? first : second;
        const verb = verbOf(i);
        return clickInChat(env, approvers[Math.floor(i / 2) % 2]!, verb, verb === Verb.reject ? { requestId, reason: `no ${i}` } : { requestId });
      }),
    );
    return answers.map((answer) => cardText(invokeCard(answer)));
  }

  async function historyText(): Promise<string> {
    const megan = first.person('megan');
    await first.say(megan, 'history info@');
    return textOf(postedTo(first.connector.calls, personalChat(megan)).at(-1));
  }

  const doneUpdates = () => [first, second].flatMap((env) => updatesSaying(env.connector.calls, '· done'));

  it('records exactly one decision and acts on it alone when 50 approve and reject clicks race', async () => {
    const requestId = await fileRequest('add bob to info@');

    const answers = await clickAll(requestId, (i) => (i % 5 === 3 ? Verb.reject : Verb.approve));

    assert.equal(answers.filter((a) => !LOST.test(a)).length, 1, 'one click wins, the others are told who did');
    // An approval is answered before its history entry and the change are done.
    await Promise.all([first.bot.settled(), second.bot.settled()]);
    const history = await historyText();
    const decisions = (history.match(/· (approved|rejected)\b/g) ?? []).length;
    assert.equal(decisions, 1, history);
    if (/· approved\b/.test(history)) {
      await first.connector.waitFor(() => doneUpdates().length > 0);
      const journal = await first.journal();
      assert.equal(cmdletCount(journal, 'Add-MailboxPermission'), 1);
      assert.equal(cmdletCount(journal, 'Add-RecipientPermission'), 1);
    } else {
      assert.deepEqual(exchangeWrites(await first.journal()), []);
    }
  });

  it('changes Exchange exactly once when 50 approve clicks race', async () => {
    const requestId = await fileRequest('add lee to info@ as full access');

    const answers = await clickAll(requestId, () => Verb.approve);

    assert.equal(answers.filter((a) => !LOST.test(a)).length, 1);
    await first.connector.waitFor(() => doneUpdates().some((c) => c.body && cardText(c.body).includes('Lee Gu')));
    const journal = await first.journal();
    assert.deepEqual(exchangeWrites(journal).map((w) => w.cmdlet), ['Add-MailboxPermission']);
    assert.equal(((await historyText()).match(/· executed\. grant Full Access for Lee Gu/g) ?? []).length, 1);
  });
});
