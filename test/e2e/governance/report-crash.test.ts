import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CURRENT_REPORT, reportKey, type ReportJob } from '../../../src/app/report/report-job';
import { generateSeed } from '../../../src/simulator/generate';
import { personalMessage } from '../../support/activities';
import { crashRigForAllTests, type CrashRig } from '../../support/crash-rig';
import type { ConnectorCall } from '../../support/fake-connector';
import { eventually } from '../approvals/helpers';

/** 1 % of it is 20: a lost instance reads at most 3 slices of 5 mailboxes again (SLICES_READING × REPORT_SLICE). */
const MAILBOXES = 2_000;
/** Generous budgets: the test is about resuming, not throttling. */
const FAULTS = { latencyMs: 1, exoCmdletsPer5s: 1_000_000, graphUnitsPer10s: 1_000_000 };

describe('a bot process killed in the middle of the tenant report (e2e)', function () {
  this.timeout(90_000);
  let rig: CrashRig;
  crashRigForAllTests((started) => (rig = started), writeSeed);

  const summaryText = (call: ConnectorCall): string => String(call.body?.attachments?.[0]?.content?.fallbackText ?? '');

  it('does finish the report with at most 1 % of mailboxes read twice and each mailbox once in the CSV when the process is killed mid-report', async () => {
    const { sim, connector, where, admin, journal } = rig;
    await (await admin('faults', FAULTS)).arrayBuffer();
    const bot = await rig.startBot({ REPORT_LEASE_SECONDS: '2', SWEEP_INTERVAL_SECONDS: '1' });
    const adminUser = sim.seed.users.find((u) => sim.seed.groups[0]!.members.includes(u.id))!;
    const speaker = { aadObjectId: adminUser.id, name: adminUser.displayName };
    await bot.post(personalMessage(speaker, 'report', where));

    const store = rig.openStore();
    const job = async () => {
      const id = await store.getDocument<string>(CURRENT_REPORT);
      return id === undefined ? undefined : store.getDocument<ReportJob>(reportKey(id));
    };
    const atKill = await eventually('a third of the mailboxes checkpointed', async () => {
      const current = await job();
      return current && current.cursor >= MAILBOXES / 3 ? current : undefined;
    }, 60_000);
    await bot.kill();
    const checkpointed = (await job())!.cursor;
    assert.ok(checkpointed < MAILBOXES, 'the kill came before the report finished');

    await bot.restart();
    await connector.waitFor((calls) => calls.some((c) => summaryText(c).startsWith('Shared mailbox report')), 60_000);

    const reads = (await journal()).filter((entry) => entry.cmdlet === 'Get-MailboxPermission').map((entry) => String(entry.parameters?.Identity));
    const reread = reads.length - new Set(reads).size;
    assert.equal(new Set(reads).size, MAILBOXES);
    assert.ok(reread <= MAILBOXES / 100, `${reread} mailboxes read twice (killed at ${atKill.cursor}–${checkpointed})`);

    const summary = summaryText(connector.calls.find((c) => summaryText(c).startsWith('Shared mailbox report'))!);
    assert.match(summary, new RegExp(`${MAILBOXES.toLocaleString('en-US')} shared mailboxes read|${MAILBOXES} shared mailboxes read`));
    const url = /\[Download the CSV\]\(([^)]+)\)/.exec(summary)?.[1];
    assert.ok(url, summary);
    const lines = (await (await fetch(url)).text()).trim().split('\r\n').slice(1);
    const addresses = lines.map((line) => line.split(',')[1]);
    assert.equal(lines.length, MAILBOXES);
    assert.deepEqual([...new Set(addresses)].sort(), sim.seed.mailboxes.map((m) => m.primarySmtpAddress).sort());
  });
});

/** A tenant of MAILBOXES shared mailboxes, as a seed file in the rig's directory. */
function writeSeed(dir: string): string {
  const seedPath = join(dir, 'seed.json');
  writeFileSync(seedPath, JSON.stringify(generateSeed(MAILBOXES)));
  return seedPath;
}
