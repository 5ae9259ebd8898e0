import assert from 'node:assert/strict';
import { createCredential } from '../../../src/adapters/identity/credential';
import { freshTokenOptions } from '../../../src/adapters/identity/token-source';
import { AppError } from '../../../src/domain/errors';
import type { Tenant } from '../../support/simulator-env';
import { adapterTenantForAllTests } from '../shared-tenant';

const SCOPE = 'https://outlook.office365.com/.default';

describe('createCredential', () => {
  let tenant: Tenant;
  adapterTenantForAllTests((started) => void (tenant = started));

  it('gets tokens from a non-Microsoft authority with a client secret, cached until asked for a fresh one', async () => {
    const credential = createCredential({ ...tenant.credentials, authorityHost: tenant.sim.url });
    await tenant.clearJournal();
    const first = await credential.getToken(SCOPE);
    const cached = await credential.getToken(SCOPE);
    const fresh = await credential.getToken(SCOPE, freshTokenOptions(new Date(Date.now() + 1000)));
    assert.ok(first?.token && cached?.token && fresh?.token);
    assert.equal(cached.token, first.token);
    const tokenRequests = (await tenant.journal()).filter((entry) => entry.path.includes('/oauth2/v2.0/token'));
    assert.equal(tokenRequests.length, 2);
  });

  it('fails to sign in with a wrong secret', async () => {
    const credential = createCredential({ ...tenant.credentials, clientSecret: 'wrong', authorityHost: tenant.sim.url });
    await assert.rejects(credential.getToken(SCOPE));
  });

  it('explains what is missing when there is no secret, certificate or managed identity', () => {
    assert.throws(
      () => createCredential({ tenantId: tenant.credentials.tenantId, clientId: tenant.credentials.clientId }),
      (error: unknown) => error instanceof AppError && error.code === 'invalid' && /AZURE_CLIENT_SECRET/.test(error.message),
    );
  });

  it('refuses an authority that is not https', () => {
    assert.throws(
      () => createCredential({ ...tenant.credentials, authorityHost: 'http://127.0.0.1:1' }),
      (error: unknown) => error instanceof AppError && error.code === 'invalid',
    );
  });

  it('uses a managed identity when deployed with no secret or certificate', () => {
    const credential = createCredential({ tenantId: tenant.credentials.tenantId, clientId: tenant.credentials.clientId, managedIdentity: true });
    assert.equal(credential.constructor.name, 'ManagedIdentityCredential');
  });
});
