import assert from 'node:assert/strict';
import { ADMIN_APP, EXO_SCOPE, GRAPH_SCOPE, READER_APP, startHarness, type Harness } from './helpers';

describe('simulator: bearer token checks', () => {
  let h: Harness;
  let clock = Date.now();
  before(async () => { h = await startHarness({ now: () => new Date(clock) }); });
  after(async () => { await h.sim.close(); });
  beforeEach(() => { clock = Date.now(); });

  const invoke = (token: string | undefined) => fetch(`${h.sim.url}/adminapi/beta/${h.sim.tenantId}/InvokeCommand`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ CmdletInput: { CmdletName: 'Get-Mailbox', Parameters: { Identity: 'info@contoso.com' } } }),
  });
  const users = (token: string | undefined) => fetch(`${h.sim.url}/v1.0/users`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });

  it('answers 401 with a Bearer challenge when an EXO call has no token', async () => {
    const response = await invoke(undefined);
    assert.equal(response.status, 401);
    assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer /);
  });

  it('answers 401 InvalidAuthenticationToken when a Graph call has no token', async () => {
    const response = await users(undefined);
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'InvalidAuthenticationToken');
  });

  it('rejects a token issued for the other audience', async () => {
    assert.equal((await invoke(await h.token(GRAPH_SCOPE))).status, 401);
    const response = await users(await h.token(EXO_SCOPE));
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'InvalidAuthenticationToken');
  });

  it('rejects a token once it has expired', async () => {
    const response = await fetch(`${h.sim.url}/${h.sim.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: ADMIN_APP.clientId, client_secret: ADMIN_APP.secret, scope: EXO_SCOPE }),
    });
    const token = ((await response.json()) as { access_token: string }).access_token;
    assert.equal((await invoke(token)).status, 200);
    clock += 3600 * 1000;
    assert.equal((await invoke(token)).status, 401);
  });

  it('rejects a tampered token', async () => {
    const token = await h.token(EXO_SCOPE);
    const [header, payload, signature] = token.split('.');
    const forged = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    forged['roles'] = ['Exchange.ManageAsApp', 'Everything'];
    assert.equal((await invoke(`${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`)).status, 401);
  });

  it('answers EXO 403 with NUL bytes when the app lacks Exchange.ManageAsApp', async () => {
    const response = await invoke(await h.token(EXO_SCOPE, READER_APP));
    assert.equal(response.status, 403);
    const body = Buffer.from(await response.arrayBuffer());
    assert.ok(body.length > 0 && body.every((byte) => byte === 0));
  });

  it('answers Graph 403 Authorization_RequestDenied when the app lacks the role', async () => {
    const response = await fetch(`${h.sim.url}/v1.0/groups`, { headers: { Authorization: `Bearer ${await h.token(GRAPH_SCOPE, READER_APP)}` } });
    assert.equal(response.status, 403);
    const body = (await response.json()) as { error: { code: string; innerError: Record<string, string> } };
    assert.equal(body.error.code, 'Authorization_RequestDenied');
    assert.ok(body.error.innerError['request-id'] && body.error.innerError['date']);
    const patch = await fetch(`${h.sim.url}/v1.0/users/adele@contoso.com`, {
      method: 'PATCH', headers: { Authorization: `Bearer ${await h.token(GRAPH_SCOPE, READER_APP)}`, 'Content-Type': 'application/json' }, body: '{"accountEnabled":false}',
    });
    assert.equal(patch.status, 403);
  });
});
