import { strict as assert } from 'node:assert';
import { Verb } from '../../../src/commands/verbs';
import type { ChangeRequest } from '../../../src/domain/change-request';
import { personalMessage } from '../../support/activities';
import { DEMO_SEED } from '../../support/bot-env';
import { crashRigForAllTests, type CrashRig } from '../../support/crash-rig';
import { cardOf, cardText, chatClick, cmdletCount, eventually, invokeCard, personalChat, planPreviewFor, postedTo, requestIdOf, textOf } from './helpers';

/** Slow enough that the kill lands while the first Exchange write is on the wire. */
const SLOW_EXCHANGE_MS = 1_500;

describe('a bot process killed between the decision and the Exchange change (e2e)', function () {
  this.timeout(60_000);
  let rig: CrashRig;
  crashRigForAllTests((started) => (rig = started), DEMO_SEED);

  it('runs the change exactly once after a restart when the process was killed with the change in flight', async () => {
    const { sim, connector, where, admin, journal, speaker } = rig;
    const [adele, megan] = [speaker('adele@contoso.com'), speaker('megan@contoso.com')];
    const bot = await rig.startBot({ EXECUTION_LEASE_SECONDS: '2', SWEEP_INTERVAL_SECONDS: '1' });
    await bot.post(personalMessage(adele, 'add bob to info@', where));
    const requestId = requestIdOf(cardOf(planPreviewFor(connector.calls, adele)));
    await rig.clearJournal();
    const store = rig.openStore();
    const statusOf = async () => (await store.getRequest(requestId))?.status;

    await admin('faults', { latencyMs: SLOW_EXCHANGE_MS });
    const click = bot.post(chatClick({ sim, connector }, megan, Verb.approve, { requestId })).catch(() => undefined);
    await eventually('the execution to start', async () => ((await statusOf()) === 'executing' ? true : undefined), 30_000);
    await bot.kill();
    await click;
    assert.equal(cmdletCount(await journal(), 'Add-RecipientPermission'), 0, 'the kill came before the change finished');
    await admin('faults', { latencyMs: 0 });

    await bot.restart();

    const done = await eventually<ChangeRequest>('the resumed change to finish', async () => {
      const request = await store.getRequest(requestId);
      return request?.status === 'done' ? request : undefined;
    }, 20_000);
    const calls = await journal();
    const adds = cmdletCount(calls, 'Add-MailboxPermission');
    assert.ok(adds === 1 || adds === 2, `Add-MailboxPermission ran ${adds} times`);
    if (adds === 2) assert.ok(done.result?.warnings.some((w) => /already present/.test(w)), 'the second add found the grant in place');
    assert.equal(cmdletCount(calls, 'Add-RecipientPermission'), 1);
    assert.equal(done.result?.ok, true);

    const audit = await store.listAudit(done.change.mailbox.id, 20);
    assert.deepEqual(audit.filter((e) => e.requestId === requestId).map((e) => e.action), ['executed', 'approved', 'requested']);
    const automapping = (await (await admin('automapping')).json()) as { mailboxes: Record<string, Record<string, boolean>> };
    assert.equal(automapping.mailboxes[done.change.mailbox.id]?.[speaker('bob@contoso.com').aadObjectId], true);

    const refreshed = cardText(invokeCard(await bot.post(chatClick({ sim, connector }, megan, Verb.refresh, { requestId }))));
    assert.match(refreshed, /Approved by Megan Bowen · done/);
    await connector.waitFor((all) => postedTo(all, personalChat(adele)).some((m) => /Approved by Megan Bowen · done/.test(textOf(m))));
  });
});
