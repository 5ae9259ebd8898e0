import assert from 'node:assert/strict';
import { PlaygroundChat } from './playground-chat';
import { startPlaygroundEnv, type PlaygroundEnv } from './playground-env';

describe('the demo through the Agents Playground conversation API', function () {
  this.timeout(60_000);
  let env: PlaygroundEnv | undefined;
  const chats: Record<string, PlaygroundChat> = {};
  const chat = (person: string): PlaygroundChat => chats[person] ?? assert.fail(`no Playground chat for ${person}`);

  before(async () => {
    env = await startPlaygroundEnv(['adele', 'megan', 'isaiah']);
    for (const [person, playground] of Object.entries(env.playgrounds)) chats[person] = await PlaygroundChat.open(playground.url);
    // The admins have talked to the bot before, as they would have in Teams, so their approval cards reach them.
    await chat('megan').say('pending');
    await chat('isaiah').say('pending');
    await chat('megan').waitForCard(/Nothing is waiting/);
    await chat('isaiah').waitForCard(/Nothing is waiting/);
  });

  after(async () => {
    for (const open of Object.values(chats)) open.close();
    await env?.close();
  });

  it('does show who can access info@ and through which group when a team lead asks', async () => {
    await chat('adele').say('who can access info@');
    const report = await chat('adele').waitForCard(/Who can access Info/);
    assert.match(report.text, /Adele Vance/);
    assert.match(report.text, /via Customer Support/);
  });

  it('does grant access once an admin approves when a team lead asks for it', async () => {
    await chat('adele').say('add bob to info@');
    const preview = await chat('adele').waitForCard(/Request sent for approval[\s\S]*Bob Kelly/);
    const reference = /Reference: (\w+)/.exec(preview.text)?.[1];
    assert.ok(reference, `the plan preview names its reference:\n${preview.text}`);

    const approval = await chat('megan').waitForCard(new RegExp(`Access request[\\s\\S]*${reference}`));
    assert.match(approval.text, /Requested by\nAdele Vance/);
    const decided = await chat('megan').click(approval, 'Approve');
    assert.match(decided.text, /Approved by Megan Bowen/);
    assert.doesNotMatch(decided.text, /\nApprove\n/);
    // The click is answered before Exchange is done; the clicked card then updates itself.
    await chat('megan').waitForCard(new RegExp(`${reference}[\\s\\S]*Approved by Megan Bowen · done`));

    await chat('adele').waitForCard(new RegExp(`${reference}[\\s\\S]*Approved by Megan Bowen`));
    await chat('adele').say('who can access info@');
    const after = await chat('adele').waitForCard(/Who can access Info[\s\S]*Bob Kelly/);
    assert.match(after.text, /Bob Kelly/);
  });

  it('does refuse an approval and change nothing when the clicker is no longer an approver', async () => {
    await chat('adele').say('add lee to sales@');
    const preview = await chat('adele').waitForCard(/Request sent for approval[\s\S]*Lee Gu/);
    const reference = /Reference: (\w+)/.exec(preview.text)?.[1]!;
    const approval = await chat('isaiah').waitForCard(new RegExp(`Access request[\\s\\S]*${reference}`));

    // Owners approve for their mailbox instead of the admins, so Isaiah's card is now out of date.
    await chat('megan').say('add owner patti to sales@');
    await chat('megan').waitForCard(/Owners of Sales[\s\S]*Patti Fernandez/);
    const refused = await chat('isaiah').click(approval, 'Approve');
    assert.match(refused.text, /Only the owners of Sales/);

    await chat('adele').say('who can access sales@');
    const report = await chat('adele').waitForCard(/Who can access Sales/);
    assert.doesNotMatch(report.text, /Lee Gu/);
  });

  it('does refuse and keep the request pending when the requester sends an approval of her own request', async () => {
    await chat('adele').say('add nestor to invoices@');
    const preview = await chat('adele').waitForCard(/Request sent for approval[\s\S]*Nestor Wilke/);
    const reference = /Reference: (\w+)/.exec(preview.text)?.[1]!;
    assert.doesNotMatch(preview.text, /\nApprove\n/, 'the requester has no Approve button');

    const refused = await chat('adele').invoke(preview, 'request.approve', { requestId: reference });
    assert.match(refused.text, /You can't approve your own request/);
    assert.match(refused.text, /Waiting for approval/);
  });
});
