import assert from 'node:assert/strict';
import { startPlaygroundEnv, type PlaygroundEnv } from '../playground/playground-env';
import { launchChromium, type Chromium, type PlaygroundPage } from './playground-page';

describe('the demo as a person sees it in the Agents Playground', function () {
  this.timeout(120_000);
  let env: PlaygroundEnv | undefined;
  let browser: Chromium | undefined;
  const tabs: Record<string, PlaygroundPage> = {};
  const tab = (person: string): PlaygroundPage => tabs[person] ?? assert.fail(`no Playground tab for ${person}`);

  before(async () => {
    // The Playground has one current user per instance: one instance, and one tab, per person.
    env = await startPlaygroundEnv(['adele', 'megan', 'isaiah']);
    browser = await launchChromium();
    const opened = Object.entries(env.playgrounds).map(async ([person, playground]) => (tabs[person] = await browser!.open(playground.url)));
    await Promise.all(opened);
    // The admins have chatted with the bot before, as they would have in Teams, so approval cards reach them.
    for (const admin of ['megan', 'isaiah']) {
      await tab(admin).say('pending');
      await tab(admin).card('Nothing is waiting');
    }
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    for (const [person, page] of Object.entries(tabs)) await page.screenshot(`failed-${person}`).catch(() => undefined);
  });

  after(async () => {
    await browser?.close();
    await env?.close();
  });

  it('does show the people who can access info@ and how when a team lead asks', async () => {
    const adele = tab('adele');
    await adele.say('who can access info@');
    const report = await adele.card('Who can access Info');
    await adele.screenshot('1-access-report', report);
    assert.ok(await report.getByText('Adele Vance').first().isVisible());
    assert.ok(await report.getByText('via Customer Support').first().isVisible());
  });

  it('does grant access when an admin clicks Approve on a team lead request', async () => {
    const [adele, megan] = [tab('adele'), tab('megan')];
    await adele.say('add bob to info@');
    const preview = await adele.card('Request sent for approval', 'Bob Kelly');
    await adele.screenshot('2a-plan-preview', preview);
    const reference = /Reference: (\w+)/.exec(await preview.innerText())?.[1];
    assert.ok(reference, 'the plan preview names its reference');

    const approval = await megan.card('Access request', reference);
    await megan.screenshot('2b-approval-card', approval);
    await approval.getByRole('button', { name: 'Approve' }).click();
    const approved = await megan.card('Approved by Megan Bowen', reference);
    await megan.screenshot('2c-approved', approved);
    assert.equal(await approved.getByRole('button', { name: 'Approve' }).count(), 0);

    await adele.card('Approved by Megan Bowen', reference);
    await adele.say('who can access info@');
    const report = await adele.card('Who can access Info', 'Bob Kelly');
    await adele.screenshot('2d-access-after-approval', report);
  });

  it('does show the refusal in the card when someone who is no longer an approver clicks Approve', async () => {
    const [adele, megan, isaiah] = [tab('adele'), tab('megan'), tab('isaiah')];
    await adele.say('add lee to sales@');
    const preview = await adele.card('Request sent for approval', 'Lee Gu');
    const reference = /Reference: (\w+)/.exec(await preview.innerText())?.[1];
    assert.ok(reference, 'the plan preview names its reference');
    const approval = await isaiah.card('Access request', reference);

    // Once Sales has an owner, she approves for it instead of the admins: Isaiah's card is out of date.
    await megan.say('add owner patti to sales@');
    await megan.card('Owners of Sales', 'Patti Fernandez');
    await approval.getByRole('button', { name: 'Approve' }).click();
    const refused = await isaiah.card('Only the owners of Sales', reference);
    await isaiah.screenshot('3-refused', refused);
    assert.ok(await refused.getByText('Waiting for approval').first().isVisible());

    await adele.say('who can access sales@');
    const report = await adele.card('Who can access Sales');
    assert.equal(await report.getByText('Lee Gu').count(), 0);
  });
});
