import assert from 'node:assert/strict';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { ExchangeClient } from '../../../src/adapters/exchange/exchange-client';
import { GraphDirectory } from '../../../src/adapters/graph/graph-directory';
import { createCredential } from '../../../src/adapters/identity/credential';
import type { Tenant } from '../../support/simulator-env';
import { ids } from '../exchange/tenant-seed';
import { adapterTenantForAllTests } from '../shared-tenant';

/** A real credential whose cached token has been revoked: it hands out the dead token until asked for a fresh one. */
class RevokedCacheCredential implements TokenCredential {
  freshRequests = 0;
  constructor(private readonly inner: TokenCredential) {}
  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken | null> {
    if (options.claims) {
      this.freshRequests++;
      return this.inner.getToken(scopes, options);
    }
    return { token: 'revoked-token', expiresOnTimestamp: Date.now() + 3_600_000 };
  }
}

describe('Token renewal after a 401', () => {
  let tenant: Tenant;
  adapterTenantForAllTests((started) => void (tenant = started));
  beforeEach(() => tenant.clearJournal());

  const revoked = () => new RevokedCacheCredential(createCredential({ ...tenant.credentials, authorityHost: tenant.sim.url }));

  it('retries an Exchange call once with a fresh token', async () => {
    const credential = revoked();
    const client = new ExchangeClient({ baseUrl: tenant.sim.url, tenantId: tenant.sim.tenantId, credential });
    const { rows } = await client.invoke({ cmdlet: 'Get-Mailbox', parameters: { Identity: 'info@contoso.com' } });
    assert.equal(rows.length, 1);
    assert.equal(credential.freshRequests, 1);
    assert.deepEqual((await tenant.journal()).filter((entry) => entry.path.includes('/adminapi/')).map((entry) => entry.status), [401, 200]);
  });

  it('retries a Graph call once with a fresh token', async () => {
    const credential = revoked();
    const directory = new GraphDirectory({ credential, baseUrl: `${tenant.sim.url}/` });
    assert.equal((await directory.getPerson(ids.adele))?.displayName, 'Adele Vance');
    assert.equal(credential.freshRequests, 1);
  });
});
