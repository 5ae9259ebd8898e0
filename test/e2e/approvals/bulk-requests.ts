import { strict as assert } from 'node:assert';
import type { ChangeRequest } from '../../../src/domain/change-request';
import type { Seed } from '../../../src/simulator/seed';
import { personalMessage, type Speaker } from '../../support/activities';
import { startBotEnv, UNPACED } from '../../support/bot-env';
import type { RunningSimulator } from '../../../src/simulator';
import type { Store } from '../../../src/ports';

/** One mailbox with its owner (who approves for it) and the people to be added to it. */
export interface MailboxPlan {
  readonly address: string;
  readonly owner: Speaker;
  readonly ownerUpn: string;
  readonly trustees: readonly string[];
}

/** Who asks for what: mailboxes with one owner each, requesters who are nobody's owner and never a trustee. */
export interface BulkPlan {
  readonly mailboxes: readonly MailboxPlan[];
  readonly requesters: readonly Speaker[];
}

const speakerOf = (user: Seed['users'][number]): Speaker => ({ aadObjectId: user.id, name: user.displayName });

/**
 * `total` additions spread over the seed's shared mailboxes, each to someone who holds nothing on that
 * mailbox yet. One owner per mailbox spreads the approval cards over many chats, as in a real tenant.
 */
export function planBulk(seed: Seed, total: number, mailboxCount: number, requesterCount: number): BulkPlan {
  const admins = new Set(seed.groups[0]?.members ?? []);
  const people = seed.users.filter((u) => u.accountEnabled !== false && !admins.has(u.id));
  const shared = seed.mailboxes.filter((m) => m.type === 'shared').slice(0, mailboxCount);
  const requesters = people.slice(0, requesterCount);
  const owners = people.slice(requesterCount, requesterCount + shared.length);
  const pool = people.slice(requesterCount + shared.length);
  const perMailbox = Math.ceil(total / shared.length);
  let left = total;
  const mailboxes = shared.map((mailbox, index) => {
    const holders = new Set([...mailbox.fullAccess.map((ace) => ace.trustee), ...mailbox.sendAs, ...mailbox.sendOnBehalf]);
    const count = Math.min(perMailbox, left);
    left -= count;
    const trustees = pool.filter((u) => !holders.has(u.id)).slice(0, count).map((u) => u.userPrincipalName);
    assert.equal(trustees.length, count, `not enough people for ${mailbox.primarySmtpAddress}`);
    const owner = owners[index]!;
    return { address: mailbox.primarySmtpAddress, owner: speakerOf(owner), ownerUpn: owner.userPrincipalName, trustees };
  });
  assert.equal(left, 0, 'not enough shared mailboxes for the plan');
  return { mailboxes, requesters: requesters.map(speakerOf) };
}

/**
 * Files the plan's requests through a bot on `store` that is not paced toward Teams: filing is only the
 * set-up here (paced at Teams' limits, its 200 sends alone would take 8 s), the approvals are the point.
 * Returns the pending requests as `reader` (the same store) sees them.
 */
export async function fileBulk(sim: RunningSimulator, storePath: string, serviceUrl: string, plan: BulkPlan, admin: Speaker, reader: Store): Promise<ChangeRequest[]> {
  const env = await startBotEnv({ sim, store: `sqlite:${storePath}`, teamsPacing: UNPACED });
  try {
    const say = async (from: Speaker, text: string) => {
      const answer = await env.post(personalMessage(from, text, { tenantId: sim.tenantId, serviceUrl }));
      assert.equal(answer.status, 200, `"${text}" was not accepted`);
    };
    for (const mailbox of plan.mailboxes) await say(admin, `add owner ${mailbox.ownerUpn} to ${mailbox.address}`);
    const asks = plan.mailboxes.flatMap((m) => m.trustees.map((trustee) => ({ trustee, mailbox: m.address })));
    await inBatches(asks, 10, (ask, index) => say(plan.requesters[index % plan.requesters.length]!, `add ${ask.trustee} to ${ask.mailbox}`));
    const filed = await reader.listRequests({ statuses: ['pending'] });
    assert.equal(filed.length, asks.length, 'every request was filed');
    return [...filed];
  } finally {
    await env.close();
  }
}

/** Runs `work` over `items`, `size` at a time. */
export async function inBatches<T>(items: readonly T[], size: number, work: (item: T, index: number) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map((item, offset) => work(item, start + offset)));
  }
}
