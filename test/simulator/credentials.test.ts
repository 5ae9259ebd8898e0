import assert from 'node:assert/strict';
import { ClientCertificateCredential, ClientSecretCredential } from '@azure/identity';
import { Client, PageIterator, type PageCollection } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import selfsigned from 'selfsigned';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { ADMIN_APP, EXO_SCOPE, GRAPH_SCOPE, ids, seedObject } from './helpers';

const CERT_APP_ID = 'd4b9c2e6-3f5a-4b7c-8d9e-0f1a2b3c4d5e';

describe('simulator: real client libraries', () => {
  let sim: RunningSimulator;
  let pems: { private: string; cert: string };
  before(async () => {
    pems = await selfsigned.generate([{ name: 'commonName', value: 'simulator test app' }], { keySize: 2048, algorithm: 'sha256' });
    const seed = seedObject() as { apps: unknown[] };
    seed.apps.push({ clientId: CERT_APP_ID, clientSecret: 'unused-secret', roles: ['Exchange.ManageAsApp'], certificatePem: pems.cert });
    sim = await startSimulator({ seed });
  });
  after(async () => { await sim.close(); });

  it('issues a token to ClientCertificateCredential when the assertion is signed by the registered certificate', async () => {
    const credential = new ClientCertificateCredential(sim.tenantId, CERT_APP_ID, { certificate: `${pems.cert}\n${pems.private}` }, { authorityHost: sim.url, disableInstanceDiscovery: true });
    const token = await credential.getToken(EXO_SCOPE);
    assert.ok(token.token.split('.').length === 3);
  });

  it('refuses a certificate assertion from an app without a registered certificate', async () => {
    const credential = new ClientCertificateCredential(sim.tenantId, ADMIN_APP.clientId, { certificate: `${pems.cert}\n${pems.private}` }, { authorityHost: sim.url, disableInstanceDiscovery: true });
    await assert.rejects(credential.getToken(EXO_SCOPE));
  });

  it('serves @microsoft/microsoft-graph-client with paging and batching', async () => {
    const credential = new ClientSecretCredential(sim.tenantId, ADMIN_APP.clientId, ADMIN_APP.secret, { authorityHost: sim.url, disableInstanceDiscovery: true });
    const client = Client.initWithMiddleware({
      authProvider: new TokenCredentialAuthenticationProvider(credential, { scopes: [GRAPH_SCOPE] }),
      baseUrl: `${sim.url}/`,
      customHosts: new Set(['127.0.0.1']),
    });
    const first = (await client.api('/users').select('id,userPrincipalName').top(3).get()) as PageCollection;
    const seen: string[] = [];
    await new PageIterator(client, first, (user: { id: string }) => { seen.push(user.id); return true; }).iterate();
    assert.equal(seen.length, 11);
    const batch = await client.api('/$batch').post({ requests: [{ id: '1', method: 'GET', url: `/groups/${ids.financeTeam}/transitiveMembers/microsoft.graph.user?$select=id` }] });
    assert.equal(batch.responses[0].status, 200);
    assert.equal(batch.responses[0].body.value.length, 3);
    await assert.rejects(client.api('/users/ghost@contoso.com').get(), (error: { statusCode?: number; code?: string }) => error.statusCode === 404 && error.code === 'Request_ResourceNotFound');
  });
});
