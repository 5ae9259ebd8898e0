import assert from 'node:assert/strict';
import { botEnvForAllTests, type BotEnv } from '../../support/bot-env';
import { ask, click, referenceIn, waitUntilDone } from './helpers';

/** The demo tenant holds each cause somewhere: Bob has nothing on info@, Alex only a group, and so on. */
describe('diagnose over HTTP (demo tenant)', () => {
  let env: BotEnv;

  botEnvForAllTests((started) => void (env = started));

  const check = (text: string) => ask(env, env.person('bob'), text);

  it('finds no access and offers a button that files a Full Access request when someone has nothing', async () => {
    const bob = env.person('bob');
    const answer = await check("why can't bob open info@");
    assert.match(answer, /Bob Kelly has no Full Access to Info/);
    const card = env.connector.sent().at(-1).attachments[0].content;
    assert.match(JSON.stringify(card), /"verb":"request.start","data":\{"kind":"grant","mailbox":"mailbox:info@contoso.com","personId":"14272376-4536-4a1c-8330-cde15fdbb41f"\}/);
    const filed = await click(env, bob, 'request.start', { kind: 'grant', mailbox: 'mailbox:info@contoso.com', personId: bob.aadObjectId });
    assert.match(filed, /Request sent for approval/);
    assert.match(filed, /Give Bob Kelly Full Access on Info/);
  });

  it('diagnoses the asker when they say "I"', async () => {
    assert.match(await ask(env, env.person('alex'), "why can't I open info@"), /Why can't Alex Wilber open Info\?/);
  });

  it('finds access only through a group, where automapping never works', async () => {
    assert.match(await check('check alex@ on info@'), /Access only through Customer Support: no automapping/);
  });

  it('finds a Deny entry', async () => {
    assert.match(await check('check alex.darrow@ on info@'), /A Deny entry blocks Full Access/);
  });

  it("finds the person's account disabled", async () => {
    assert.match(await check('check gerhart@ on info@'), /Gerhart Moller's account is disabled/);
  });

  it('finds the mailbox hidden from address lists', async () => {
    assert.match(await check('check lynne@ on hr-confidential@'), /HR Confidential is hidden from address lists/);
  });

  it('finds forwarding that keeps no copy', async () => {
    assert.match(await check('check miriam@ on events@'), /forwarded to events-agency@fabrikam.com without keeping a copy/);
  });

  it('finds a mailbox that is not shared', async () => {
    assert.match(await check('check pradeep@ on training@'), /Training is a user mailbox, not a shared one/);
  });

  it('finds automapping off and a grant younger than 60 minutes after the bot granted without automapping', async () => {
    const adele = env.person('adele');
    const filed = await ask(env, adele, 'add lee@ to press@ as full access without automapping');
    const requestId = referenceIn(filed);
    await click(env, env.person('megan'), 'request.approve', { requestId });
    await waitUntilDone(env, adele, requestId);
    const answer = await check("why can't lee open press@");
    assert.match(answer, /Automapping is off/);
    assert.match(answer, new RegExp(`Access was granted 0 minutes ago.*request ${requestId}`));
  });

  it('says nothing is in the way when a direct grant has no problem', async () => {
    assert.match(await check('check adele@ on info@'), /nothing found in the way/);
  });

  it('answers a clear error when the mailbox does not exist', async () => {
    assert.match(await check('check bob on nosuchbox@'), /can't find a mailbox/);
  });
});
