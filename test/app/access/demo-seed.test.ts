import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { myMailboxes } from '../../../src/app/my-mailboxes';
import { whoCanAccess } from '../../../src/app/who-can-access';
import { actor, sharedAccessEnv, type AccessEnv } from './access-env';

const DEMO_SEED = join(__dirname, '..', '..', '..', 'src', 'simulator', 'seeds', 'demo.json');
const demo = JSON.parse(readFileSync(DEMO_SEED, 'utf8')) as {
  users: { id: string; displayName: string }[];
  mailboxes: { primarySmtpAddress: string; type?: string }[];
};

describe('access answers over the demo tenant (simulator)', () => {
  let env: AccessEnv;
  sharedAccessEnv(async (started) => {
    env = started;
    // Correctness here, not throttling: the throttle model has its own tests.
    await env.tenant.setFaults({ exoCmdletsPer5s: 10_000 });
  }, DEMO_SEED);

  it('answers for every demo mailbox with enabled people only, each (person, right, path) once', async () => {
    const someone = demo.users[0]!;
    for (const { primarySmtpAddress, type } of demo.mailboxes) {
      const outcome = await whoCanAccess(env.deps, actor(someone.id, someone.displayName), { kind: 'who-can-access', mailbox: primarySmtpAddress });
      assert.equal(outcome.kind, 'access-report');
      if (outcome.kind !== 'access-report') continue;
      const { report } = outcome;
      assert.equal(report.mailbox.address.toLowerCase(), primarySmtpAddress.toLowerCase());
      assert.ok(report.entries.every((e) => e.person.accountEnabled), primarySmtpAddress);
      const keys = report.entries.map((e) => `${e.right}|${e.person.id}|${e.path.kind === 'direct' ? '' : e.path.via.join('>')}`);
      assert.equal(new Set(keys).size, keys.length, primarySmtpAddress);
      assert.equal(report.warnings.some((w) => w.code === 'not-shared'), (type ?? 'shared') !== 'shared', primarySmtpAddress);
    }
  });

  it('lists for every demo user only mailboxes the access report also gives them', async () => {
    const reports = new Map<string, Set<string>>();
    let reached = 0;
    for (const user of demo.users.slice(0, 6)) {
      const outcome = await myMailboxes(env.deps, actor(user.id, user.displayName), { kind: 'my-mailboxes' });
      assert.equal(outcome.kind, 'my-mailboxes');
      if (outcome.kind !== 'my-mailboxes') continue;
      reached += outcome.mailboxes.length;
      for (const reachable of outcome.mailboxes) {
        let people = reports.get(reachable.mailbox.address);
        if (!people) {
          const answer = await whoCanAccess(env.deps, actor(user.id, user.displayName), { kind: 'who-can-access', mailbox: reachable.mailbox.address });
          people = new Set(answer.kind === 'access-report' ? answer.report.entries.map((e) => `${e.person.id}|${e.right}`) : []);
          reports.set(reachable.mailbox.address, people);
        }
        for (const { right } of reachable.rights) assert.ok(people.has(`${user.id}|${right}`), `${user.displayName} ${right} ${reachable.mailbox.address}`);
      }
    }
    assert.ok(reached > 0, 'the demo users reach no mailbox at all');
  });
});
