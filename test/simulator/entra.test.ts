import assert from 'node:assert/strict';
import { AuthenticationRequiredError, ClientSecretCredential } from '@azure/identity';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { ADMIN_APP, EXO_SCOPE, GRAPH_SCOPE, startHarness, type Harness } from './helpers';

describe('simulator: Entra token endpoint', () => {
  let h: Harness;
  before(async () => { h = await startHarness(); });
  after(async () => { await h.sim.close(); });

  const tokenRequest = (fields: Record<string, string>, tenant = h.sim.tenantId) =>
    fetch(`${h.sim.url}/${tenant}/oauth2/v2.0/token?client-request-id=abc`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: ADMIN_APP.clientId, client_secret: ADMIN_APP.secret, scope: EXO_SCOPE, ...fields }),
    });

  it('issues signed tokens through @azure/identity ClientSecretCredential', async () => {
    const credential = new ClientSecretCredential(h.sim.tenantId, ADMIN_APP.clientId, ADMIN_APP.secret, { authorityHost: h.sim.url, disableInstanceDiscovery: true });
    const exo = await credential.getToken(EXO_SCOPE);
    const graph = await credential.getToken(GRAPH_SCOPE);
    const exoClaims = decodeJwt(exo.token);
    assert.equal(exoClaims.aud, 'https://outlook.office365.com');
    assert.equal(exoClaims['tid'], h.sim.tenantId);
    assert.equal(exoClaims['appid'], ADMIN_APP.clientId);
    assert.ok((exoClaims['roles'] as string[]).includes('Exchange.ManageAsApp'));
    assert.equal((exoClaims.exp as number) - (exoClaims.iat as number), 3599);
    assert.ok(decodeProtectedHeader(exo.token).kid);
    assert.equal(decodeJwt(graph.token).aud, 'https://graph.microsoft.com');
  });

  it('answers AuthenticationRequiredError when the secret is wrong', async () => {
    const credential = new ClientSecretCredential(h.sim.tenantId, ADMIN_APP.clientId, 'wrong', { authorityHost: h.sim.url, disableInstanceDiscovery: true });
    await assert.rejects(credential.getToken(EXO_SCOPE), (error: unknown) => error instanceof AuthenticationRequiredError);
  });

  it('answers 401 invalid_client with AADSTS7000215 for a wrong secret on the wire', async () => {
    const response = await tokenRequest({ client_secret: 'nope' });
    assert.equal(response.status, 401);
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(body['error'], 'invalid_client');
    assert.deepEqual(body['error_codes'], [7000215]);
    assert.match(String(body['error_description']), /^AADSTS7000215: Invalid client secret provided/);
    assert.ok(body['trace_id'] && body['correlation_id'] && body['timestamp']);
  });

  it('answers 400 AADSTS700016 for an unknown client and AADSTS90002 for an unknown tenant', async () => {
    const unknownClient = await tokenRequest({ client_id: '00000000-0000-4000-8000-000000000000' });
    assert.equal(unknownClient.status, 400);
    assert.deepEqual(((await unknownClient.json()) as { error_codes: number[] }).error_codes, [700016]);
    const unknownTenant = await tokenRequest({}, 'fabrikam.example');
    assert.equal(unknownTenant.status, 400);
    assert.deepEqual(((await unknownTenant.json()) as { error_codes: number[] }).error_codes, [90002]);
  });

  it('answers 400 invalid_scope when the scope is not a known .default', async () => {
    const response = await tokenRequest({ scope: 'https://management.azure.com/.default' });
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { error: string }).error, 'invalid_scope');
  });

  it('accepts the default domain as the tenant and publishes same-origin metadata', async () => {
    const response = await fetch(`${h.sim.url}/${h.sim.defaultDomain}/v2.0/.well-known/openid-configuration`);
    const doc = (await response.json()) as Record<string, string>;
    for (const field of ['token_endpoint', 'authorization_endpoint', 'issuer', 'jwks_uri']) assert.ok(doc[field]?.startsWith(h.sim.url), field);
    const jwks = (await (await fetch(doc['jwks_uri']!)).json()) as { keys: Array<{ kid: string; kty: string }> };
    assert.equal(jwks.keys[0]?.kty, 'RSA');
  });
});
