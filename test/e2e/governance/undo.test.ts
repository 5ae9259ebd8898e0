import assert from 'node:assert/strict';
import { botEnvForAllTests, type BotEnv } from '../../support/bot-env';
import { ask, click, referenceIn, waitUntilDone } from './helpers';

describe('undo over HTTP (demo tenant)', () => {
  let env: BotEnv;

  botEnvForAllTests((started) => void (env = started));

  /** Adele asks, Megan (admin) approves; returns the done request's id. */
  async function doneGrant(text: string): Promise<string> {
    const requestId = referenceIn(await ask(env, env.person('adele'), text));
    await click(env, env.person('megan'), 'request.approve', { requestId });
    await waitUntilDone(env, env.person('adele'), requestId);
    return requestId;
  }

  const removals = async (cmdlet: string, user: string): Promise<number> =>
    (await env.journal()).filter((call) => call.cmdlet === cmdlet && JSON.stringify(call.parameters).includes(user)).length;

  it('files the inverse once, runs it exactly once after approval, and refuses a second undo', async () => {
    const megan = env.person('megan');
    const isaiah = env.person('isaiah');
    const original = await doneGrant('add bob@ to info@ as send as');

    const undoFiled = await ask(env, megan, `undo ${original}`);
    assert.match(undoFiled, /Request sent for approval: Remove Send As from Bob Kelly on Info/);
    const undoId = referenceIn(undoFiled);
    assert.match(await ask(env, megan, `undo ${original}`), new RegExp(`already asked for \\(request ${undoId}\\)`));

    await click(env, isaiah, 'request.approve', { requestId: undoId });
    await waitUntilDone(env, megan, undoId);
    await click(env, isaiah, 'request.approve', { requestId: undoId });
    assert.equal(await removals('Remove-RecipientPermission', 'bob@contoso.com'), 1);
    assert.doesNotMatch(await ask(env, env.person('bob'), 'my mailboxes'), /info@contoso\.com/);
    assert.match(await ask(env, megan, `undo ${original}`), new RegExp(`already undone by request ${undoId}`));
  });

  it('refuses to undo an undo, and says to ask for it as a new request', async () => {
    const original = await doneGrant('add lee@ to info@ as send on behalf');
    const undoId = referenceIn(await ask(env, env.person('megan'), `undo ${original}`));
    await click(env, env.person('isaiah'), 'request.approve', { requestId: undoId });
    await waitUntilDone(env, env.person('megan'), undoId);
    assert.match(await ask(env, env.person('isaiah'), `undo ${undoId}`), /itself an undo .* ask for it as a new request/);
  });

  it('removes only what the original really added when a right arrived between request and approval', async () => {
    const adele = env.person('adele');
    const both = referenceIn(await ask(env, adele, 'add lynne@ to info@ as full access and send as'));
    await doneGrant('add lynne@ to info@ as send as');
    await click(env, env.person('megan'), 'request.approve', { requestId: both });
    await waitUntilDone(env, adele, both);
    const answer = await ask(env, env.person('megan'), `undo ${both}`);
    assert.match(answer, /Request sent for approval: Remove Full Access from Lynne Robbins on Info\n/);
  });

  it('puts back exactly the removed rights when a removal is undone', async () => {
    const original = await doneGrant('remove adele@ from info@ send as');
    const answer = await ask(env, env.person('megan'), `undo ${original}`);
    assert.match(answer, /Give Adele Vance Send As on Info/);
  });

  it('refuses clearly when the request was not carried out', async () => {
    const pending = referenceIn(await ask(env, env.person('adele'), 'add joni@ to legal@'));
    assert.match(await ask(env, env.person('megan'), `undo ${pending}`), /Only a request that was carried out can be undone; request \w+ is pending/);
  });

  it('refuses someone who does not approve for the mailbox', async () => {
    const original = await doneGrant('add kat@ to info@ as send as');
    assert.match(await ask(env, env.person('bob'), `undo ${original}`), /Only the owners of Info \(or the admins\) can undo/);
  });

  it('files the undo from the Undo button on the done card', async () => {
    const original = await doneGrant('add raul@ to info@ as send as');
    const card = await click(env, env.person('megan'), 'request.refresh', { requestId: original });
    assert.match(card, /"verb":"request.undo","data":\{"requestId":"\w+"\}/);
    assert.match(await click(env, env.person('megan'), 'request.undo', { requestId: original }), /Remove Send As from Raul Razo on Info/);
  });
});
