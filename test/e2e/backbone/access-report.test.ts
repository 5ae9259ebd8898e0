import { strict as assert } from 'node:assert';
import { startBotEnv, type BotEnv } from '../../support/bot-env';
import { tempSqliteStore, type TempSqliteStore } from '../../support/temp-store';
import { cardOf, cardText, cardTexts } from './card-text';

/** The one reply the bot sent for the last message, as visible card text. */
function lastReply(env: BotEnv): { text: string; fallback: string } {
  const sent = env.connector.sent();
  assert.equal(sent.length, 1, `expected one reply, got ${sent.length}`);
  const card = cardOf(sent[0]);
  return { text: cardText(card), fallback: String(card.fallbackText ?? '') };
}

describe('backbone: who can access, over HTTP', () => {
  let env: BotEnv;
  let report: string;
  let fallback: string;

  before(async () => {
    env = await startBotEnv();
    const answer = await env.say(env.person('adele'), 'who can access info@');
    assert.equal(answer.status, 200);
    ({ text: report, fallback } = lastReply(env));
  });
  after(async () => env?.close());
  beforeEach(() => env.connector.clear());

  it('answers /healthz with 200 when the bot is up', async () => {
    const response = await fetch(`${env.bot.url}/healthz`);
    assert.equal(response.status, 200);
  });

  it('replies in the conversation and thread the message came from when asked in a 1:1 chat', async () => {
    const adele = env.person('adele');
    await env.say(adele, 'access info');
    const [call] = env.connector.calls;
    assert.ok(call, 'no call reached the connector');
    assert.equal(call.method, 'POST');
    assert.equal(decodeURIComponent(call.conversationId ?? ''), `a:personal-${adele.aadObjectId}`);
    assert.match(call.path, /^\/v3\/conversations\/[^/]+\/activities\/msg-\d+$/);
  });

  it('lists each right with who holds it and how when the mailbox has direct and nested group grants', () => {
    for (const section of ['Full Access (9)', 'Send As (9)', 'Send on Behalf (1)']) assert.ok(report.includes(section), section);
    assert.match(report, /^Adele Vance directly · automapping unknown$/m);
    assert.match(report, /^Alex Wilber via Customer Support → Support Tier 1 · automapping —$/m);
    assert.match(report, /^Patti Fernandez via Customer Support$/m);
    assert.match(report, /Groups never automap/);
  });

  it('shows Deny, disabled and orphaned entries as warnings without counting them when the mailbox has them', () => {
    assert.match(report, /Shared mailbox · 9 people with access/);
    assert.match(report, /Deny entry for Alex Darrow on Full Access/);
    assert.match(report, /Gerhart Moller holds Full Access but the account is disabled/);
    assert.match(report, /deleted account \(S-1-5-21-[\d-]+\)/);
    const rights = report.slice(0, report.indexOf('Warnings'));
    for (const name of ['Alex Darrow', 'Gerhart Moller']) assert.ok(!rights.includes(name), `${name} counted as having access`);
  });

  it('never shows NT AUTHORITY\\SELF when Exchange lists it', async () => {
    const rows = (await env.journal()).filter((e) => e.cmdlet === 'Get-MailboxPermission');
    assert.ok(rows.length > 0, 'the report did not read mailbox permissions');
    assert.ok(!/NT AUTHORITY|SELF/i.test(report) && !/NT AUTHORITY/i.test(fallback));
  });

  it('shows the sent-items copy settings when asked about a mailbox', () => {
    assert.match(report, /Sent Items: mail sent as the mailbox is also kept in its Sent Items; mail sent on behalf of it is not\./);
  });

  it('carries a plain-text fallback with the same facts when the card cannot be shown', () => {
    for (const line of ['Who can access Info (info@contoso.com)', 'Full Access (9):', '- Adele Vance, directly · automapping unknown', 'Send on Behalf (1):', 'Warnings:', 'Sent Items:']) {
      assert.ok(fallback.includes(line), `fallback lacks ${line}:\n${fallback}`);
    }
  });

  it('answers the same report when asked with the full address or a display name', async () => {
    const adele = env.person('adele');
    await env.say(adele, 'who has access to info@contoso.com');
    const byAddress = lastReply(env).text;
    env.connector.clear();
    await env.say(adele, 'access Info');
    const byName = lastReply(env).text;
    assert.equal(byAddress, report);
    assert.equal(byName, report);
  });

  it('describes forwarding as external without a copy when the mailbox forwards outside the tenant', async () => {
    await env.say(env.person('adele'), 'access events@');
    const { text } = lastReply(env);
    assert.match(text, /Forwards all mail to the external address events-agency@fabrikam\.com without keeping a copy\./);
    assert.match(text, /Warnings\n• Mail is forwarded to the external address/);
  });

  it('describes forwarding as internal with a copy when the mailbox forwards to a colleague', async () => {
    await env.say(env.person('adele'), 'access reception@');
    const { text } = lastReply(env);
    assert.match(text, /Forwards all mail to lynne@contoso\.com and keeps a copy\./);
    assert.ok(!text.includes('Warnings'), text);
  });

  it('warns when the mailbox is hidden from address lists', async () => {
    await env.say(env.person('adele'), 'access hr-confidential@');
    assert.match(lastReply(env).text, /hidden from address lists/);
  });

  it("warns when the shared mailbox's own account can sign in", async () => {
    await env.say(env.person('adele'), 'access scanner');
    assert.match(lastReply(env).text, /own account can sign in/);
  });

  it('answers and says so when the mailbox is a user mailbox, not a shared one', async () => {
    await env.say(env.person('adele'), 'who can access training@');
    const { text } = lastReply(env);
    assert.match(text, /^User mailbox · 1 person with access$/m);
    assert.match(text, /Pradeep Gupta directly/);
    assert.match(text, /This is a user mailbox, not a shared mailbox/);
  });

  it('warns about each right a disabled trustee holds', async () => {
    await env.say(env.person('adele'), 'access legal');
    const texts = cardTexts(cardOf(env.connector.sent()[0]));
    assert.ok(texts.some((t) => /Irvin Sayers holds Full Access but the account is disabled/.test(t)));
    assert.ok(texts.some((t) => /Irvin Sayers holds Send As but the account is disabled/.test(t)));
  });
});

describe('backbone: my mailboxes, over HTTP', () => {
  let env: BotEnv;
  before(async () => {
    env = await startBotEnv();
    // Each "my mailboxes" reads every shared mailbox (~40 cmdlets here): three in a row would hit the 100-per-5 s throttle.
    await fetch(`${env.sim.url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ exoCmdletsPer5s: 1000 }) });
  });
  after(async () => env?.close());
  beforeEach(() => env.connector.clear());

  it('lists a mailbox reached through nested groups with the group path when asked by a member', async () => {
    await env.say(env.person('enrico'), 'my mailboxes');
    const text = cardText(cardOf(env.connector.sent()[0]));
    assert.match(text, /^Sales \(sales@contoso\.com\)$/m);
    assert.match(text, /Full Access via Sales Team → Sales EMEA · Send As via Sales Team → Sales EMEA/);
  });

  it('lists direct grants when the person holds them', async () => {
    await env.say(env.person('adele'), 'my mailboxes');
    const text = cardText(cardOf(env.connector.sent()[0]));
    assert.match(text, /^Info \(info@contoso\.com\)\nFull Access directly · Send As directly$/m);
  });

  it('lists nothing when the only entry is a Deny', async () => {
    await env.say(env.person('alex darrow'), 'my mailboxes');
    const text = cardText(cardOf(env.connector.sent()[0]));
    assert.ok(!text.includes('info@contoso.com'), text);
    assert.match(text, /None yet/);
  });
});

describe('backbone: automapping as the bot recorded it, over HTTP', () => {
  let env: BotEnv;
  let saved: TempSqliteStore;

  before(async () => {
    saved = await tempSqliteStore();
    env = await startBotEnv({ store: `sqlite:${saved.path}` });
    const info = env.sim.seed.mailboxes.find((m) => m.primarySmtpAddress === 'info@contoso.com')!;
    await saved.store.recordAutomapping(info.id, env.person('adele').aadObjectId, false);
    await saved.store.recordAutomapping(info.id, env.person('alex wilber').aadObjectId, true);
  });
  after(async () => {
    await env?.close();
    await saved?.cleanup();
  });

  it('shows the recorded automapping for a direct grant and never one for a group grant', async () => {
    await env.say(env.person('adele'), 'who can access info@');
    const { text } = lastReply(env);
    assert.match(text, /^Adele Vance directly · automapping off$/m);
    assert.match(text, /^Alex Wilber via Customer Support → Support Tier 1 · automapping —$/m);
  });
});
