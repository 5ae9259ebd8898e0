import { strict as assert } from 'node:assert';
import { setMaxListeners } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { ExchangeClient } from '../../../src/adapters/exchange/exchange-client';
import { ExchangeOnline } from '../../../src/adapters/exchange/exchange-online';
import { createCredential } from '../../../src/adapters/identity/credential';
import { Verb } from '../../../src/commands/verbs';
import type { ChangeRequest, RequestStatus } from '../../../src/domain/change-request';
import { directRights } from '../../../src/domain/request-plan';
import type { RunningSimulator } from '../../../src/simulator';
import type { Speaker } from '../../support/activities';
import { DEMO_SEED } from '../../support/bot-env';
import { crashRigForAllTests, type CrashRig } from '../../support/crash-rig';
import type { ConnectorCall } from '../../support/fake-connector';
import { fileBulk, planBulk, type BulkPlan } from './bulk-requests';
import { cardText, chatClick, eventually, exchangeWrites, invokeCard, personalChat, postedTo, textOf } from './helpers';

const REQUESTS = 100;
/** Per Exchange call; with the bot's 3 concurrent calls, 100 executions take several seconds. */
const EXCHANGE_LATENCY_MS = 40;
/** The kill comes once this many are done and half the decisions are in, while later approvals are still on their way. */
const KILL_WHEN_DONE = 10;
/** Between one approver's clicks: the 100 approvals would arrive over about 4 s. */
const CLICK_GAP_MS = 400;
const ADDS = ['Add-MailboxPermission', 'Add-RecipientPermission'];

type Answer = { status: number; body: any };

describe('a bot process killed with 100 approvals in flight (e2e)', function () {
  this.timeout(90_000);
  let rig: CrashRig;
  crashRigForAllTests((started) => (rig = started), DEMO_SEED);

  const countOf = (all: Map<string, ChangeRequest>, status: RequestStatus) => [...all.values()].filter((r) => r.status === status).length;

  it('carries out each of 100 approvals exactly once after a restart when killed mid-way through them', async () => {
    const { sim, connector, storePath, admin, journal } = rig;
    const reader = rig.openStore();
    const snapshot = async () => new Map((await reader.listRequests({})).map((r) => [r.id, r] as const));
    const plan = planBulk(sim.seed, REQUESTS, 10, 5);
    // Lifted so that 100 requests are not throttled; the bot's own 3 concurrent Exchange calls set the pace.
    await admin('faults', { exoCmdletsPer5s: 100_000 });
    const filed = await fileBulk(sim, storePath, connector.url, plan, rig.speaker(sim.seed.groups[0]!.members[0]!), reader);
    connector.clear();
    await rig.clearJournal();
    await admin('faults', { latencyMs: EXCHANGE_LATENCY_MS });

    // Short leases so the restarted process may take over at once; production keeps 300 s and 30 s.
    const bot = await rig.startBot({ EXECUTION_LEASE_SECONDS: '2', SWEEP_INTERVAL_SECONDS: '1' });
    const approve = (request: ChangeRequest) => bot.post(chatClick({ sim, connector }, ownerOf(plan, request), Verb.approve, { requestId: request.id }));
    const killed = new AbortController();
    // Every pending click waits on this one signal.
    setMaxListeners(REQUESTS, killed.signal);
    const clicks = approveAll(filed, approve, killed.signal);
    await eventually('half the decisions and some changes', async () => {
      const now = await snapshot();
      return countOf(now, 'done') >= KILL_WHEN_DONE && countOf(now, 'pending') <= REQUESTS / 2 ? true : undefined;
    }, 30_000);
    await bot.kill();
    killed.abort();
    const answers = await clicks;
    const atKill = await snapshot();
    const doneAtKill = countOf(atKill, 'done');
    const summary = [`at the kill: ${doneAtKill} done, ${countOf(atKill, 'executing')} executing, ${countOf(atKill, 'approved')} approved,`,
      `${countOf(atKill, 'pending')} pending; ${answers.filter((a) => a?.status === 200).length} clicks answered`];
    assert.ok(doneAtKill > 0 && doneAtKill < REQUESTS, `the kill came mid-way (${doneAtKill} done)`);
    filed.forEach((request, index) => {
      const answer = answers[index];
      if (answer?.status !== 200) return;
      assert.match(cardText(answer.body), /Approved by/);
      assert.notEqual(atKill.get(request.id)?.status, 'pending', 'a click answered is a decision recorded');
    });

    await admin('faults', { latencyMs: 0 });
    // The first sweep after the start takes over every lease already run out and works them off before the
    // next sweep; restarting once the dead process's leases have all run out keeps the test short.
    const leasesEnd = Math.max(0, ...[...atKill.values()].map((r) => Date.parse(r.execution?.leaseUntil ?? '') || 0));
    await delay(Math.max(0, leasesEnd - Date.now()));
    const restartedAt = Date.now();
    await bot.restart();
    // The approvers click again where they got no answer; a decision already recorded is not taken twice.
    const unanswered = filed.filter((_, index) => answers[index]?.status !== 200);
    for (const answer of await Promise.all(unanswered.map(approve))) assert.match(cardText(invokeCard(answer)), /Approved by/);
    const finished = await eventually<ChangeRequest[]>('every request to be done', async () => {
      const all = await reader.listRequests({});
      return all.every((r) => r.status === 'done') ? [...all] : undefined;
    }, 30_000);
    summary.push(`; ${unanswered.length} clicked again; all done ${Date.now() - restartedAt} ms after the restart`);
    assert.equal(finished.length, REQUESTS);

    const writes = exchangeWrites(await journal());
    summary.push(`; ${writes.length - ADDS.length * REQUESTS} adds repeated`);
    for (const request of finished) {
      assert.equal(request.result?.ok, true);
      const mine = writes.filter((w) => concerns(w.parameters, request));
      assert.deepEqual(mine.filter((w) => !ADDS.includes(w.cmdlet!)), [], 'only the adds asked for');
      for (const cmdlet of ADDS) assert.ok(mine.some((w) => w.cmdlet === cmdlet), `${cmdlet} ran`);
      // Calls are recorded as they complete: only the one cut short by the kill may be made again, and its
      // repeat finds the grant in place.
      const repeats = mine.length - ADDS.length;
      if (atKill.get(request.id)?.status === 'executing') assert.ok(repeats <= 1, `${repeats} calls repeated for a change in flight`);
      else assert.equal(repeats, 0, `calls repeated for a change ${atKill.get(request.id)?.status} at the kill`);
      if (repeats === 1) assert.ok(request.result.warnings.some((w) => /already present/.test(w)), 'the repeat found the grant in place');
    }
    assert.equal(writes.length, writes.filter((w) => finished.some((r) => concerns(w.parameters, r))).length, 'no write outside the requests');
    await assertHeld(sim, finished);

    for (const request of finished) {
      const audit = (await reader.listAudit(request.change.mailbox.id, 100)).filter((e) => e.requestId === request.id).map((e) => e.action);
      assert.deepEqual(audit, ['executed', 'approved', 'requested'], `one decision and one execution for ${request.id}`);
    }
    await connector.waitFor((calls) => finished.every((r) => doneMessages(calls, r).length > 0), 20_000).catch(() => undefined);
    const told = finished.map((r) => ({ id: r.id, times: doneMessages(connector.calls, r).length, wasTelling: atKill.get(r.id)?.followUp !== undefined }));
    summary.push(`; ${told.filter((t) => t.wasTelling).length} were being told at the kill, ${told.filter((t) => t.times > 1).length} told twice`);
    console.log(`      ${summary.join(' ')}`);
    assert.deepEqual(told.filter((t) => t.times === 0), [], 'every requester is told the change is done');
    // Teams takes no idempotency key: a message sent just before the kill, its claim not yet cleared, is sent again.
    assert.deepEqual(told.filter((t) => t.times > (t.wasTelling ? 2 : 1)), [], 'told once, or twice only when being told at the kill');
  });
});

/**
 * Each approver clicks Approve on their requests one after another, CLICK_GAP_MS apart, not waiting for
 * answers; once `stop` aborts (the process is gone) the rest are left for after the restart.
 */
function approveAll(requests: readonly ChangeRequest[], approve: (request: ChangeRequest) => Promise<Answer>, stop: AbortSignal): Promise<(Answer | undefined)[]> {
  const turns = new Map<string, number>();
  return Promise.all(requests.map((request) => {
    const mailbox = request.change.mailbox.address;
    const turn = turns.get(mailbox) ?? 0;
    turns.set(mailbox, turn + 1);
    return delay(turn * CLICK_GAP_MS, undefined, { signal: stop }).then(() => approve(request)).catch(() => undefined);
  }));
}

/** Whether an Exchange write is about the request's mailbox and trustee. */
function concerns(parameters: any, request: ChangeRequest): boolean {
  const change = request.change as Extract<ChangeRequest['change'], { kind: 'grant' }>;
  const same = (value: unknown, ref: { id: string; address: string }) =>
    typeof value === 'string' && [ref.id, ref.address].some((v) => v.toLowerCase() === value.toLowerCase());
  return same(parameters?.Identity, change.mailbox) && same(parameters?.User ?? parameters?.Trustee, change.trustee);
}

/** Every trustee holds the rights asked for, as Exchange itself reports them. */
async function assertHeld(sim: RunningSimulator, requests: readonly ChangeRequest[]): Promise<void> {
  const app = sim.seed.apps[0]!;
  const credential = createCredential({ tenantId: sim.tenantId, clientId: app.clientId, clientSecret: app.clientSecret, authorityHost: sim.url });
  const exchange = new ExchangeOnline(new ExchangeClient({ baseUrl: sim.url, tenantId: sim.tenantId, credential }));
  const access = await exchange.readAccessMany([...new Set(requests.map((r) => r.change.mailbox.address))]);
  for (const request of requests) {
    const change = request.change as Extract<ChangeRequest['change'], { kind: 'grant' }>;
    const grants = access.find((a) => a.mailbox.id === change.mailbox.id)?.grants ?? [];
    assert.deepEqual([...directRights(grants, change.trustee)].sort(), [...change.rights].sort(), `${change.trustee.address} on ${change.mailbox.address}`);
  }
}

/** The messages telling the requester that this request is done. */
function doneMessages(calls: readonly ConnectorCall[], request: ChangeRequest): any[] {
  return postedTo(calls, personalChat({ aadObjectId: request.requester.id, name: request.requester.displayName }))
    .filter((m) => textOf(m).includes(`Reference: ${request.id}`) && /Status: .*done/.test(textOf(m)));
}

function ownerOf(plan: BulkPlan, request: ChangeRequest): Speaker {
  const mailbox = plan.mailboxes.find((m) => m.address === request.change.mailbox.address);
  assert.ok(mailbox, `no plan for ${request.change.mailbox.address}`);
  return mailbox.owner;
}
