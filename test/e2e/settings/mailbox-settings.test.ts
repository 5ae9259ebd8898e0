import { strict as assert } from 'node:assert';
import { botEnvForAllTests, type BotEnv } from '../../support/bot-env';
import { cardText } from '../backbone/card-text';
import { approve, ask, writes } from './settings-env';

describe('mailbox settings through the approval flow', function () {
  this.timeout(60_000);
  let env: BotEnv;
  botEnvForAllTests((started) => void (env = started));

  it('turns automapping off by removing and re-adding Full Access when another admin approves', async () => {
    const asked = await ask(env, env.person('adele'), 'automap info@ off for gerhart@');
    assert.match(asked.text, /Gerhart keeps access; Info leaves Gerhart's Outlook folder list within 60 minutes; Gerhart can still add it by hand/);
    assert.ok(asked.requestId);
    const entries = await approve(env, env.person('megan'), asked.requestId, (e) => writes(e).length >= 2);
    const calls = writes(entries);
    assert.deepEqual(calls.map((c) => c.cmdlet), ['Remove-MailboxPermission', 'Add-MailboxPermission']);
    assert.equal(calls[1]!.parameters.AutoMapping, false);
    assert.equal(calls[1]!.parameters.User, 'gerhart@contoso.com');
    const flags = (await (await fetch(`${env.sim.url}/__admin/automapping`)).json()) as any;
    const gerhart = env.person('gerhart').aadObjectId;
    assert.equal(flags.mailboxes['5fb5b4cb-95c9-4dca-9b60-e0fcb2121e62'][gerhart], false);
  });

  it('refuses automapping when the person is a group or has no Full Access of their own', async () => {
    assert.match((await ask(env, env.person('adele'), 'automap info@ off for "Customer Support"')).text, /is a group: Outlook never automaps/);
    const none = await ask(env, env.person('adele'), 'automap info@ on for patti@');
    assert.match(none.text, /has no Full Access of their own on Info/);
    assert.equal(none.requestId, undefined);
  });

  it('forwards to an external address keeping a copy, flagged on the preview, once approved', async () => {
    const asked = await ask(env, env.person('adele'), 'forward sales@ to anna@fabrikam.com and keep a copy');
    assert.match(asked.text, /blocked by the default outbound spam policy \(5\.7\.520\) unless an admin allows it/);
    const entries = await approve(env, env.person('megan'), asked.requestId!, (e) => writes(e).length >= 1);
    const [call] = writes(entries);
    assert.equal(call!.cmdlet, 'Set-Mailbox');
    assert.deepEqual(
      { ...call!.parameters },
      { Identity: 'sales@contoso.com', ForwardingSmtpAddress: 'anna@fabrikam.com', ForwardingAddress: null, DeliverToMailboxAndForward: true, Confirm: false },
    );
    assert.match((await ask(env, env.person('adele'), 'mailbox sales@')).text, /Forwarding to anna@fabrikam\.com \(external\), keeping a copy/);
  });

  it('refuses forwarding a mailbox to itself or to something that is not an address', async () => {
    assert.match((await ask(env, env.person('adele'), 'forward info@ to info@contoso.com')).text, /can't forward to itself/);
    assert.match((await ask(env, env.person('adele'), 'forward info@ to not an address')).text, /one email address/);
  });

  it('forwards to an internal person as a recipient, then stops forwarding', async () => {
    const asked = await ask(env, env.person('adele'), 'forward invoices@ to patti@');
    assert.doesNotMatch(asked.text, /5\.7\.520/);
    const [call] = writes(await approve(env, env.person('megan'), asked.requestId!, (e) => writes(e).length >= 1));
    assert.deepEqual(
      { ...call!.parameters },
      { Identity: 'invoices@contoso.com', ForwardingSmtpAddress: null, ForwardingAddress: 'patti@contoso.com', DeliverToMailboxAndForward: false, Confirm: false },
    );
    assert.match((await ask(env, env.person('adele'), 'mailbox invoices@')).text, /Forwarding to Patti Fernandez \(patti@contoso\.com\)/);
    const stop = await ask(env, env.person('adele'), 'stop forwarding invoices@');
    const [stopped] = writes(await approve(env, env.person('megan'), stop.requestId!, (e) => writes(e).length >= 1));
    assert.equal(stopped!.parameters.ForwardingAddress, null);
    assert.match((await ask(env, env.person('adele'), 'stop forwarding invoices@')).text, /does not forward mail — nothing to do/);
  });

  it('turns Sent Items copies on with both Set-Mailbox switches', async () => {
    const asked = await ask(env, env.person('adele'), 'sent items sales@ on');
    assert.match(asked.text, /Messages sent as sales@contoso\.com \(or on its behalf\) are also saved in sales@contoso\.com's Sent Items/);
    const [call] = writes(await approve(env, env.person('megan'), asked.requestId!, (e) => writes(e).length >= 1));
    assert.equal(call!.parameters.MessageCopyForSentAsEnabled, true);
    assert.equal(call!.parameters.MessageCopyForSendOnBehalfEnabled, true);
  });

  it('schedules an automatic reply through Graph and shows it on the settings card', async () => {
    const asked = await ask(env, env.person('adele'), 'auto reply info@ "We are closed until Monday" until 2099-12-01');
    assert.match(asked.text, /We are closed until Monday/);
    assert.match(asked.text, /until 2099-12-01/);
    const entries = await approve(env, env.person('megan'), asked.requestId!, (e) => e.some((x) => x.method === 'PATCH'));
    assert.ok(entries.some((e) => e.method === 'PATCH' && /\/users\/5fb5b4cb-95c9-4dca-9b60-e0fcb2121e62\/mailboxSettings$/.test(e.path)));
    assert.match((await ask(env, env.person('adele'), 'mailbox info@')).text, /Automatic replies until 1 Dec 2099: "We are closed until Monday"/);
  });

  it('refuses an automatic reply dated in the past or longer than 4000 characters', async () => {
    assert.match((await ask(env, env.person('adele'), 'auto reply info@ "Closed" until 2001-01-01')).text, /in the past/);
    const long = await ask(env, env.person('adele'), `auto reply info@ "${'x'.repeat(4001)}"`);
    assert.match(long.text, /too long/);
    assert.equal(long.requestId, undefined);
  });

  it('lets only admins ask to hide a mailbox, and hides it when another admin approves', async () => {
    assert.match((await ask(env, env.person('adele'), 'hide invoices@')).text, /Only admins can hide/);
    const asked = await ask(env, env.person('megan'), 'hide invoices@');
    assert.match(asked.text, /Hidden mailboxes can break access for delegates/);
    const [call] = writes(await approve(env, env.person('isaiah'), asked.requestId!, (e) => writes(e).length >= 1));
    assert.deepEqual({ ...call!.parameters }, { Identity: 'invoices@contoso.com', HiddenFromAddressListsEnabled: true, Confirm: false });
  });

  it('blocks sign-in of a shared mailbox account through Graph', async () => {
    const asked = await ask(env, env.person('megan'), 'block sign-in scanner@');
    assert.match(asked.text, /own account should not sign in/);
    const entries = await approve(env, env.person('isaiah'), asked.requestId!, (e) => e.some((x) => x.method === 'PATCH'));
    assert.ok(entries.some((e) => e.method === 'PATCH' && /\/v1\.0\/users\/[0-9a-f-]{36}$/.test(e.path)));
    assert.match((await ask(env, env.person('megan'), 'mailbox scanner@')).text, /Sign-in blocked/);
  });

  it('creates a shared mailbox with members, then blocks its sign-in, and refuses an address in use', async () => {
    assert.match((await ask(env, env.person('megan'), 'create shared mailbox "Hello" hello@contoso.com')).text, /already used by Info/);
    const asked = await ask(env, env.person('megan'), 'create shared mailbox "Support Desk" support-desk@contoso.com with alex@, patti@');
    assert.match(asked.text, /support-desk@contoso\.com is free/);
    assert.match(asked.text, /Alex Wilber, Patti Fernandez get Full Access and Send As/);
    const entries = await approve(env, env.person('isaiah'), asked.requestId!, (e) => e.some((x) => x.method === 'PATCH'));
    const calls = writes(entries);
    assert.deepEqual(calls.map((c) => c.cmdlet), ['New-Mailbox', 'Add-MailboxPermission', 'Add-RecipientPermission', 'Add-MailboxPermission', 'Add-RecipientPermission']);
    assert.deepEqual({ ...calls[0]!.parameters }, { Shared: true, Name: 'support-desk', DisplayName: 'Support Desk', PrimarySmtpAddress: 'support-desk@contoso.com' });
    const card = (await ask(env, env.person('megan'), 'mailbox support-desk@')).text;
    assert.match(card, /Type Shared mailbox/);
    assert.match(card, /Sign-in blocked/);
  });

  it('fails the second of two creations of one address at execution, with a clear reason and nothing changed', async () => {
    assert.match((await ask(env, env.person('adele'), 'create shared mailbox "Desk" desk@contoso.com')).text, /Only admins can create shared mailboxes/);
    const first = await ask(env, env.person('megan'), 'create shared mailbox "Desk" desk@contoso.com');
    const second = await ask(env, env.person('megan'), 'create shared mailbox "Front Desk" desk@contoso.com');
    await approve(env, env.person('isaiah'), first.requestId!, (e) => e.some((x) => x.method === 'PATCH'));
    await env.clearJournal();
    const answer = await env.click(env.person('isaiah'), 'request.approve', { requestId: second.requestId });
    await env.connector.waitFor(() => env.connector.sent().some((a) => /already used by Desk/.test(a.text ?? '')));
    assert.equal(answer.status, 200);
    assert.deepEqual(writes(await env.journal()), []);
  });

  it('converts a user mailbox to shared with the licence note, and refuses one already shared', async () => {
    assert.match((await ask(env, env.person('megan'), 'convert info@ to shared')).text, /already a shared mailbox — nothing to do/);
    const asked = await ask(env, env.person('megan'), 'convert training@ to shared');
    assert.match(asked.text, /limited to 50 GB/);
    const [call] = writes(await approve(env, env.person('isaiah'), asked.requestId!, (e) => writes(e).length >= 1));
    assert.deepEqual({ ...call!.parameters }, { Identity: 'training@contoso.com', Type: 'Shared', Confirm: false });
  });

  it('offers the settings and their changes as buttons, admin-only ones to admins, through the same approval', async () => {
    const report = await env.click(env.person('adele'), 'access.show', { mailbox: 'mailbox:training@contoso.com' });
    assert.ok(JSON.stringify(report.body.value).includes('"verb":"settings.show"'));
    const adeleView = await env.click(env.person('adele'), 'settings.show', { mailbox: 'mailbox:training@contoso.com' });
    assert.match(cardText(adeleView.body.value), /Sign-in allowed/);
    assert.doesNotMatch(cardText(adeleView.body.value), /Block sign-in/);
    const meganView = await env.click(env.person('megan'), 'settings.show', { mailbox: 'mailbox:training@contoso.com' });
    assert.match(cardText(meganView.body.value), /Block sign-in/);
    assert.match(cardText((await env.click(env.person('adele'), 'settings.change', { mailbox: 'mailbox:training@contoso.com', change: 'block-sign-in' })).body.value), /Only admins can block sign-in/);
    assert.match(cardText((await env.click(env.person('adele'), 'settings.change', { mailbox: 'mailbox:training@contoso.com', change: 'wipe' })).body.value), /out of date or damaged/);
    const filed = await env.click(env.person('megan'), 'settings.change', { mailbox: 'mailbox:training@contoso.com', change: 'block-sign-in' });
    const requestId = /Reference: (\w+)/.exec(cardText(filed.body.value))?.[1];
    assert.ok(requestId);
    const entries = await approve(env, env.person('isaiah'), requestId, (e) => e.some((x) => x.method === 'PATCH'));
    assert.ok(entries.some((e) => e.method === 'PATCH' && /\/v1\.0\/users\/[0-9a-f-]{36}$/.test(e.path)));
  });
});
