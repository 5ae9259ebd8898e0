import { strict as assert } from 'node:assert';
import { cardAction, fixture, personalMessage, type Speaker } from '../../support/activities';
import { startBotEnv, type BotEnv } from '../../support/bot-env';
import { cardActions, cardOf, cardText } from './card-text';

const OTHER_TENANT = '11111111-2222-3333-4444-555555555555';

describe('backbone: help and bad input, over HTTP', () => {
  let env: BotEnv;
  let adele: Speaker;

  /** Says `text` as Adele in a 1:1 chat and returns the visible text of the one reply. */
  const reply = async (text: string, from: Speaker = adele): Promise<string> => {
    env.connector.clear();
    const answer = await env.say(from, text);
    assert.equal(answer.status, 200);
    const sent = env.connector.sent();
    assert.equal(sent.length, 1, `expected one reply to ${JSON.stringify(text.slice(0, 40))}, got ${sent.length}`);
    return cardText(cardOf(sent[0]));
  };

  before(async () => {
    env = await startBotEnv();
    adele = env.person('adele');
  });
  after(async () => env?.close());

  it('shows only what anyone may do when a non-admin asks for help', async () => {
    const text = await reply('help');
    assert.match(text, /Anyone can ask/);
    assert.match(text, /who can access info@/);
    assert.ok(!/As an admin/.test(text), text);
  });

  it('adds the admin commands when an admin asks for help', async () => {
    const text = await reply('help', env.person('megan'));
    assert.match(text, /As an admin/);
    assert.match(text, /set approvals channel/);
  });

  it('shows help and quotes the text when it is not understood', async () => {
    const text = await reply('make me a sandwich');
    assert.match(text, /^Sorry, I did not understand "make me a sandwich"/);
    assert.match(text, /Anyone can ask/);
  });

  it('shows help when the text is empty or only spaces', async () => {
    for (const text of ['', '   \n ']) assert.match(await reply(text), /^I manage access to shared mailboxes/);
  });

  it('suggests a close match when the mailbox does not exist', async () => {
    assert.equal(await reply('who can access infoo'), `I can't find a mailbox called "infoo". Did you mean Info (info@contoso.com)?`);
  });

  it('says plainly it cannot find the mailbox when nothing is close', async () => {
    assert.equal(await reply('who can access zzzqqq@'), `I can't find a mailbox called "zzzqqq@".`);
  });

  it('refuses a 50 KB message with a short answer and no call to Microsoft 365', async () => {
    await env.clearJournal();
    const text = await reply(`who can access ${'info '.repeat(10_000)}`);
    assert.match(text, /^That message is too long for me \(50,015 characters\)/);
    assert.ok(JSON.stringify(env.connector.sent()).length < 28_000);
    assert.deepEqual((await env.journal()).filter((e) => e.cmdlet || e.path.startsWith('/v1.0/')), []);
  });

  it('refuses a name too long to be a mailbox without quoting all of it', async () => {
    const text = await reply(`who can access ${'info '.repeat(300)}`);
    assert.match(text, /is too long to be a mailbox name or address/);
    assert.ok(text.length < 200, text);
  });

  it('reads the command through HTML and markdown formatting', async () => {
    for (const typed of ['<b>who can access</b> <i>info@</i>', '**access** `info@`', '<p>access&nbsp;info@</p>']) {
      assert.match(await reply(typed), /^Who can access Info \(info@contoso\.com\)$/m, typed);
    }
  });

  it('never echoes markup back as markup when the mailbox name contains HTML', async () => {
    const text = await reply('access <script>alert(1)</script>');
    assert.match(text, /^I can't find a mailbox called/);
    assert.ok(!text.includes('<script>'), text);
  });

  it('offers a pick card, and answers for the picked mailbox, when the name is ambiguous', async () => {
    env.connector.clear();
    await env.say(adele, 'who can access s');
    const card = cardOf(env.connector.sent()[0]);
    assert.match(cardText(card), /^More than one mailbox matches "s"\. Which one did you mean\?/);
    const choices = cardActions(card).filter((a) => a.verb === 'person.pick');
    assert.deepEqual(choices.map((c) => c.title), ['Choose Sales', 'Choose Scanner', 'Choose Support']);
    const sales = choices[0]!;
    const answer = await env.click(adele, sales.verb, sales.data);
    assert.equal(answer.status, 200);
    assert.equal(answer.body.type, 'application/vnd.microsoft.card.adaptive');
    assert.match(cardText(answer.body.value), /^Who can access Sales \(sales@contoso\.com\)$/m);
    assert.match(cardText(answer.body.value), /via Sales Team → Sales EMEA/);

    const again = await env.click(adele, sales.verb, sales.data);
    assert.match(cardText(again.body.value), /expired/);
  });

  it('refuses a pick by someone other than the person who asked', async () => {
    env.connector.clear();
    await env.say(adele, 'access s');
    const [choice] = cardActions(cardOf(env.connector.sent()[0]));
    const answer = await env.click(env.person('megan'), 'person.pick', choice!.data);
    assert.equal(answer.status, 200);
    assert.match(cardText(answer.body.value), /Only the person who asked can pick here/);
  });

  it('sends nothing and logs a line when a message comes from another tenant', async () => {
    env.connector.clear();
    const where = { tenantId: OTHER_TENANT, serviceUrl: env.connector.url };
    const message = await env.post(personalMessage(adele, 'who can access info@', where));
    const click = await env.post(cardAction(adele, 'access.show', { mailbox: 'info@' }, where));
    assert.equal(message.status, 200);
    assert.equal(click.status, 403);
    assert.ok(!JSON.stringify(click.body ?? '').includes('Info'), 'the invoke answer leaked a card');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(env.connector.calls, []);
    const dropped = env.log.lines.filter((l) => l.message === 'activity from another tenant dropped' && l.fields.conversationTenant === OTHER_TENANT);
    assert.equal(dropped.length, 2);
  });
});

describe('backbone: conversation shapes, over HTTP', () => {
  let env: BotEnv;
  before(async () => (env = await startBotEnv()));
  after(async () => env?.close());
  beforeEach(() => env.connector.clear());

  it('answers in the channel thread when @mentioned in a channel with <at> still in the text', async () => {
    const answer = await env.say(env.person('adele'), 'who can access info@', { channel: true });
    assert.equal(answer.status, 200);
    const [call] = env.connector.calls;
    const channel = fixture('02a-channel-mention-message.real-2019.json').conversation.id as string;
    assert.equal(decodeURIComponent(call?.conversationId ?? ''), channel);
    assert.match(cardText(cardOf(call?.body)), /^Who can access Info \(info@contoso\.com\)$/m);
  });

  it('answers in the group chat when @mentioned there', async () => {
    const adele = env.person('adele');
    const activity = fixture('03a-groupchat-mention-message.real-2021-SDK-STRIPPED-TEXT.json');
    activity.text = `${activity.entities[0].text} who can access info@`;
    activity.serviceUrl = env.connector.url;
    activity.from = { ...activity.from, id: `29:${adele.aadObjectId}`, name: adele.name, aadObjectId: adele.aadObjectId };
    activity.conversation.tenantId = env.sim.tenantId;
    activity.channelData.tenant.id = env.sim.tenantId;
    const answer = await env.post(activity);
    assert.equal(answer.status, 200);
    const [call] = env.connector.calls;
    assert.equal(decodeURIComponent(call?.conversationId ?? ''), activity.conversation.id);
    assert.match(cardText(cardOf(call?.body)), /^Who can access Info \(info@contoso\.com\)$/m);
  });
});
