import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { REVIEW_REMOVE_INPUT } from '../../../src/commands/parse-action';
import { Verb } from '../../../src/commands/verbs';
import type { ChangeRequest } from '../../../src/domain/change-request';
import type { Seed } from '../../../src/simulator/seed';
import { personalMessage } from '../../support/activities';
import { DEMO_SEED } from '../../support/bot-env';
import { crashRigForAllTests, type CrashRig } from '../../support/crash-rig';
import { cardOf, cardText, chatClick, eventually, exchangeWrites, invokeCard, personalChat, postedTo } from '../approvals/helpers';
import { reviewIdOf } from './review-env';

const MAILBOX = 'press@contoso.com';
const REMOVALS = 50;
/** Per Exchange call: the 50 removals take a few seconds behind the bot's 3 concurrent calls. */
const EXCHANGE_LATENCY_MS = 60;
const KILL_WHEN_DONE = 5;

describe('a bot process killed while a review with 50 removals is carried out (e2e)', function () {
  this.timeout(90_000);
  let rig: CrashRig;
  crashRigForAllTests((started) => (rig = started), seedWithCrowdedMailbox);

  it('removes each of 50 trustees exactly once after a restart when killed mid-way through the removals', async () => {
    const { sim, connector, where, admin, journal } = rig;
    const reader = rig.openStore();
    const megan = rig.speaker(sim.seed.groups[0]!.members[0]!);
    await admin('faults', { exoCmdletsPer5s: 100_000 });
    // Short leases so the restarted process may take over at once; production keeps 300 s and 30 s.
    const bot = await rig.startBot({ EXECUTION_LEASE_SECONDS: '2', SWEEP_INTERVAL_SECONDS: '1' });

    assert.equal((await bot.post(personalMessage(megan, `review ${MAILBOX}`, where))).status, 200);
    const card = cardOf(postedTo(connector.calls, personalChat(megan)).at(-1));
    const reviewId = reviewIdOf(card);
    const trustees = sim.seed.mailboxes.find((m) => m.primarySmtpAddress === MAILBOX)!.fullAccess.map((ace) => ace.trustee);
    // 50 trustees get the compact card: one multi-select of the ids to remove.
    const choices: string[] = card.body.find((e: any) => e.id === REVIEW_REMOVE_INPUT)?.choices?.map((c: { value: string }) => c.value) ?? [];
    assert.deepEqual([...choices].sort(), [...trustees].sort(), 'every trustee is on the card');
    await rig.clearJournal();
    await admin('faults', { latencyMs: EXCHANGE_LATENCY_MS });

    const submit = () => bot.post(chatClick({ sim, connector }, megan, Verb.submitReview, { reviewId, [REVIEW_REMOVE_INPUT]: trustees.join(',') }));
    const submitted = submit().catch(() => undefined);
    const removals = async () => (await reader.listRequests({})).filter((r) => r.change.kind === 'revoke');
    await eventually('some removals to be done', async () => ((await removals()).filter((r) => r.status === 'done').length >= KILL_WHEN_DONE ? true : undefined), 30_000);
    await bot.kill();
    const answer = await submitted;
    const atKill = new Map((await removals()).map((r) => [trusteeOf(r).id, r]));
    const doneAtKill = [...atKill.values()].filter((r) => r.status === 'done').length;
    console.log(`      at the kill: ${atKill.size} removals filed, ${doneAtKill} done; submit ${answer?.status === 200 ? 'answered' : 'not answered'}`);
    assert.ok(doneAtKill > 0 && doneAtKill < REMOVALS, `the kill came mid-way (${doneAtKill} done)`);

    await admin('faults', { latencyMs: 0 });
    const leasesEnd = Math.max(0, ...[...atKill.values()].map((r) => Date.parse(r.execution?.leaseUntil ?? '') || 0));
    await delay(Math.max(0, leasesEnd - Date.now()));
    await bot.restart();
    // The reviewer submits again when the first submit got no answer; a resumed submit files only what is missing.
    if (answer?.status !== 200) invokeCard(await submit());
    const finished = await eventually<ChangeRequest[]>('every removal to be done', async () => {
      const all = await removals();
      return all.length === REMOVALS && all.every((r) => r.status === 'done') ? all : undefined;
    }, 30_000);

    const review = await reader.getDocument<{ status: string; removeIds?: string[] }>(`review:${reviewId}`);
    assert.equal(review?.status, 'submitted');
    assert.equal(review?.removeIds?.length, REMOVALS);
    const writes = exchangeWrites(await journal());
    for (const request of finished) {
      const trustee = trusteeOf(request);
      const mine = writes.filter((w) => w.parameters?.User === trustee.address || w.parameters?.User === trustee.id);
      assert.ok(mine.every((w) => w.cmdlet === 'Remove-MailboxPermission'), 'only the removal asked for');
      // Only the call cut short by the kill may be made again; Exchange answers that the entry is gone.
      const allowed = atKill.get(trustee.id)?.status === 'executing' ? 2 : 1;
      assert.ok(mine.length >= 1 && mine.length <= allowed, `${mine.length} removals of ${trustee.address}`);
      const audit = (await reader.listAudit(request.change.mailbox.id, 500)).filter((e) => e.requestId === request.id && e.action === 'executed');
      assert.equal(audit.length, 1, `one execution recorded for ${trustee.address}`);
    }
    const addressed = new Set(finished.flatMap((r) => [trusteeOf(r).address, trusteeOf(r).id]));
    assert.deepEqual(writes.filter((w) => !addressed.has(w.parameters?.User)), [], 'no write outside the review');
    assert.equal((await bot.post(personalMessage(megan, `who can access ${MAILBOX}`, where))).status, 200);
    const report = postedTo(connector.calls, personalChat(megan)).at(-1);
    assert.match(cardText(report), /Press/);
    for (const id of trustees) assert.ok(!cardText(report).includes(sim.seed.users.find((u) => u.id === id)!.displayName), 'removed in Exchange');
  });
});

/** The demo tenant with one shared mailbox that 50 people have Full Access to (nine of them added here). */
function seedWithCrowdedMailbox(): Seed {
  const seed = JSON.parse(readFileSync(DEMO_SEED, 'utf8')) as Seed;
  const admins = new Set(seed.groups[0]!.members);
  for (let n = 1; seed.users.filter((u) => u.accountEnabled && !admins.has(u.id)).length < REMOVALS; n++) {
    const upn = `temp${n}@${seed.tenant.defaultDomain}`;
    seed.users.push({ ...seed.users[3]!, id: randomUUID(), displayName: `Temp Worker ${n}`, userPrincipalName: upn, mail: upn, accountEnabled: true });
  }
  const people = seed.users.filter((u) => u.accountEnabled && !admins.has(u.id)).slice(0, REMOVALS);
  const mailbox = seed.mailboxes.find((m) => m.primarySmtpAddress === MAILBOX)!;
  mailbox.fullAccess = people.map((u) => ({ trustee: u.id, deny: false }));
  return seed;
}

function trusteeOf(request: ChangeRequest): { id: string; address: string } {
  assert.ok(request.change.kind === 'revoke', `${request.id} is a removal`);
  return request.change.trustee;
}
