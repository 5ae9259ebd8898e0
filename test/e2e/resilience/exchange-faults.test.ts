import { strict as assert } from 'node:assert';
import { Verb } from '../../../src/commands/verbs';
import { startBotEnv, type BotEnv } from '../../support/bot-env';
import { cardOf, clickInChat, eventually, personalChat, postedTo, requestIdOf, textOf } from '../approvals/helpers';

const TRUSTEES = ['ben', 'bianca', 'brian', 'cameron', 'carlos', 'charlotte', 'colin', 'daisy', 'dana', 'debra'];
const TERMINAL = /Status: (Approved by Megan Bowen · done|Failed: )/;

describe('access requests while Exchange throttles and fails (e2e)', function () {
  this.timeout(90_000);
  let env: BotEnv;

  before(async () => {
    // Production waits up to 42 s between attempts; the same attempts, closer together, keep the test's wait bounded.
    env = await startBotEnv({ executionRetryDelays: [500, 1_000, 2_000] });
  });
  after(async () => {
    await env.close();
  });

  it('answers everyone and ends every request done or failed, each change made once, when 20 % of Exchange calls fail', async () => {
    const [adele, megan] = [env.person('adele'), env.person('megan')];
    await env.say(megan, 'help');
    const faults = await fetch(`${env.sim.url}/__admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ throttleRate: 0.1, unavailableRate: 0.1, exoConcurrency: 3, retryAfterSeconds: 1 }),
    });
    assert.equal(faults.status, 200);
    await env.clearJournal();
    env.connector.clear();

    const filed = await Promise.all(
      TRUSTEES.map(async (name) => {
        const answer = await env.say(adele, `add ${name} to info@`);
        assert.equal(answer.status, 200);
        return name;
      }),
    );
    const replies = postedTo(env.connector.calls, personalChat(adele));
    assert.equal(replies.length, filed.length, `one answer per request: ${JSON.stringify(replies.map(textOf))}`);
    const previews = replies.filter((m) => /^Request sent for approval/.test(textOf(m)));
    assert.ok(previews.length >= TRUSTEES.length / 2, `most requests filed: ${JSON.stringify(replies.map(textOf))}`);
    const requestIds = previews.map((m) => requestIdOf(cardOf(m)));

    const clicks = await Promise.all(requestIds.map((requestId) => clickInChat(env, megan, Verb.approve, { requestId })));
    for (const click of clicks) {
      assert.equal(click.status, 200, JSON.stringify(click.body));
      assert.ok(click.body?.value, 'the approver sees an answer card');
    }

    const outcomes = await eventually(
      'every requester told the outcome',
      async () => {
        const told = postedTo(env.connector.calls, personalChat(adele)).map(textOf).filter((t) => TERMINAL.test(t));
        const byId = requestIds.map((id) => told.filter((t) => t.includes(`Reference: ${id}`)));
        return byId.every((messages) => messages.length > 0) ? byId : undefined;
      },
      60_000,
    );
    for (const messages of outcomes) assert.equal(messages.length, 1, 'told once');

    const journal = await env.journal();
    assert.ok(journal.some((e) => e.status === 429 || e.status === 503), 'Exchange did refuse some calls');
    assert.deepEqual(journal.filter((e) => /^Remove-/.test(e.cmdlet ?? '')), [], 'nothing undone and redone');
    const done = outcomes.map((messages) => /· done/.test(messages[0]!));
    for (const cmdlet of ['Add-MailboxPermission', 'Add-RecipientPermission']) {
      // With nothing removed in between, a second successful add for a trustee can only be an
      // idempotent repeat ("already present"); what must hold is that every done change landed.
      const landed = new Set(journal.filter((e) => e.cmdlet === cmdlet && e.status === 200).map((e) => trusteeOf(e.parameters)));
      previews.forEach((preview, i) => {
        const trustee = TRUSTEES.find((name) => textOf(preview).toLowerCase().includes(`${name} `));
        if (done[i]) assert.ok([...landed].some((t) => t.startsWith(`${trustee}@`)), `${cmdlet} landed for ${trustee}`);
      });
    }
  });
});

function trusteeOf(parameters: { User?: string; Trustee?: string }): string {
  return (parameters.User ?? parameters.Trustee ?? '').toLowerCase();
}
