import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REVIEW_REMOVE_INPUT } from '../../../src/commands/parse-action';
import { Verb } from '../../../src/commands/verbs';
import type { Seed } from '../../../src/simulator/seed';
import { botEnvForEachTest, DEMO_SEED, type BotEnv } from '../../support/bot-env';
import { replyTo } from '../approvals/approvals-env';
import { cardOf, cardText, clickInChat, eventually, exchangeWrites, invokeCard, personalChat, postedTo, sleep, textOf } from '../approvals/helpers';
import { reviewIdOf } from './review-env';

const MAILBOX = 'info@contoso.com';
/** Direct trustees of info@: the demo's four and enough temporary workers to make this many. */
const TRUSTEES = 80;
const EXTRA = 76;

describe('an access review of a mailbox with 80 direct trustees (e2e)', function () {
  this.timeout(30_000);
  let env: BotEnv;
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'smb-big-review-'));
    writeFileSync(join(dir, 'seed.json'), JSON.stringify(seedWithCrowdedInfo()));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  botEnvForEachTest((started) => (env = started), () => ({ seed: join(dir, 'seed.json') }));

  it('does remove exactly the 3 trustees ticked on the compact card and keep the other 77', async () => {
    const [megan, adele] = [env.person('megan'), env.person('adele')];
    assert.match(textOf(await replyTo(env, megan, 'add owner adele to info@')), /Owners of Info/);
    const card = cardOf(await replyTo(env, adele, 'review info@'));
    const inputs = JSON.stringify(card).match(/"id":"review-[^"]+"/g) ?? [];
    assert.deepEqual(inputs, [`"id":"${REVIEW_REMOVE_INPUT}"`], 'one multi-select instead of a Keep/Remove per trustee');
    const choices: { title: string; value: string }[] = card.body.find((e: any) => e.id === REVIEW_REMOVE_INPUT).choices;
    assert.equal(choices.length, TRUSTEES, 'everyone fits');
    assert.doesNotMatch(cardText(card), /did not fit/);

    const temps = env.sim.seed.users.filter((u) => u.userPrincipalName.startsWith('temp'));
    const ticked = [temps[0]!, temps[37]!, temps[75]!];
    for (const user of ticked) assert.ok(choices.some((c) => c.value === user.id && c.title.startsWith(user.displayName)), user.displayName);
    await env.clearJournal();
    const data = { reviewId: reviewIdOf(card), [REVIEW_REMOVE_INPUT]: ticked.map((u) => u.id).join(',') };
    const answer = cardText(invokeCard(await clickInChat(env, adele, Verb.submitReview, data)));
    assert.match(answer, /Submitted by Adele Vance: 3 removals filed \([^)]+\), 77 kept/);

    const writes = async () => exchangeWrites(await env.journal());
    await eventually('the three removals carried out', async () => ((await writes()).length >= 3 ? true : undefined));
    await eventually('the reviewer told of all three', async () =>
      postedTo(env.connector.calls, personalChat(adele)).filter((m) => /· done/.test(textOf(m))).length >= 3 ? true : undefined,
    );
    await env.bot.sweep();
    await sleep(300);
    const done = await writes();
    assert.deepEqual(done.map((w) => w.cmdlet), Array(3).fill('Remove-MailboxPermission'));
    const removedIds = new Set(ticked.flatMap((u) => [u.id, u.userPrincipalName]));
    assert.ok(done.every((w) => removedIds.has(w.parameters?.User)), JSON.stringify(done.map((w) => w.parameters)));
    assert.equal(new Set(done.map((w) => w.parameters?.User)).size, 3);

    const next = cardOf(await replyTo(env, adele, 'review info@'));
    const left: string[] = next.body.find((e: any) => e.id === REVIEW_REMOVE_INPUT).choices.map((c: { value: string }) => c.value);
    assert.equal(left.length, TRUSTEES - 3, 'the next review lists everyone kept');
    assert.deepEqual(left.filter((id) => ticked.some((u) => u.id === id)), []);
    assert.deepEqual(choices.map((c) => c.value).filter((id) => !left.includes(id)).sort(), ticked.map((u) => u.id).sort());
  });
});

/** The demo tenant where info@ has 76 more people with Full Access, temporary workers added here. */
function seedWithCrowdedInfo(): Seed {
  const seed = JSON.parse(readFileSync(DEMO_SEED, 'utf8')) as Seed;
  const mailbox = seed.mailboxes.find((m) => m.primarySmtpAddress === MAILBOX)!;
  for (let n = 1; n <= EXTRA; n++) {
    const upn = `temp${n}@${seed.tenant.defaultDomain}`;
    const id = randomUUID();
    seed.users.push({ ...seed.users[3]!, id, displayName: `Temp Worker ${String(n).padStart(2, '0')}`, userPrincipalName: upn, mail: upn, accountEnabled: true });
    mailbox.fullAccess.push({ trustee: id, deny: false });
  }
  return seed;
}
