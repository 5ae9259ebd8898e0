import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/pino-logger';
import { cardAction, personalMessage, type Speaker } from '../support/activities';
import { refusingConnector } from './security-env';
import { startSecuredBot, type SecuredBot } from './secured-bot';

describe('secrets in logs', function () {
  this.timeout(60_000);
  let env: SecuredBot;
  const lines: string[] = [];

  before(async () => {
    const memory = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    env = await startSecuredBot({ log: createLogger('secrets-test', 'debug', memory) });
  });
  after(async () => {
    await env?.close();
  });

  it('never writes a secret, a bearer token or an Authorization header when a whole flow and its failures run at debug level', async () => {
    const person = (upn: string): Speaker => {
      const user = env.sim.seed.users.find((u) => u.userPrincipalName.startsWith(`${upn}@`))!;
      return { aadObjectId: user.id, name: user.displayName };
    };
    const [megan, adele] = [person('megan'), person('adele')];
    const inboundTokens: string[] = [];
    const bearer = async (serviceUrl: string) => {
      const token = await env.openId.channelToken({ serviceUrl });
      inboundTokens.push(token);
      return `Bearer ${token}`;
    };
    const where = (serviceUrl = env.connector.url) => ({ tenantId: env.tenantId, serviceUrl });
    const say = async (who: Speaker, text: string) => env.post(personalMessage(who, text, where()), await bearer(env.connector.url));

    assert.equal((await say(megan, 'who can access info@')).status, 200);
    assert.equal((await say(adele, 'add bob to info@')).status, 200);
    const preview = env.connector.sent().at(-1);
    const requestId = JSON.stringify(preview).match(/"requestId":"([^"]+)"/)?.[1];
    assert.ok(requestId, 'the preview names its request');
    const approve = cardAction(megan, 'request.approve', { requestId }, where());
    assert.equal((await env.post(approve, await bearer(env.connector.url))).status, 200);
    await env.bot.settled();
    const journal = async () => ((await (await fetch(`${env.sim.url}/__admin/requests`)).json()) as { requests: { cmdlet?: string }[] }).requests;
    assert.ok((await journal()).some((r) => r.cmdlet === 'Add-MailboxPermission'), 'the approved change ran');

    const refusing = await refusingConnector();
    try {
      const { serviceUrl } = refusing;
      const failed = await env.post(personalMessage(megan, 'help', where(serviceUrl)), await bearer(serviceUrl));
      assert.ok(failed.status >= 500);
    } finally {
      await refusing.close();
    }
    await fetch(`${env.sim.url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ unavailableRate: 1, retryAfterSeconds: 0 }) });
    await say(megan, 'who can access sales@');
    await fetch(`${env.sim.url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ unavailableRate: 0 }) });

    const text = lines.join('');
    assert.match(text, /turn failed/, 'the failure was logged');
    assert.match(text, /Conversation not found|BadArgument|400/, 'with what went wrong');
    const secrets = [env.sim.seed.apps[0]!.clientSecret, env.openId.appPassword, ...inboundTokens, ...env.openId.tokensIssued];
    assert.ok(env.openId.tokensIssued.length > 0, 'the bot used outbound tokens');
    for (const secret of secrets) assert.ok(!text.includes(secret), `a secret or token reached the log: ${secret.slice(0, 12)}…`);
    assert.doesNotMatch(text, /eyJ[\w-]+\./, 'no JWT');
    assert.doesNotMatch(text, /Bearer\s+(?!\[redacted\])\S/i, 'no bearer token');
    assert.doesNotMatch(text, /"authorization":\s*"(?!\[redacted\])/i, 'no Authorization header value');
  });
});
