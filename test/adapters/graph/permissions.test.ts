import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ExchangeClient } from '../../../src/adapters/exchange/exchange-client';
import { ExchangeOnline } from '../../../src/adapters/exchange/exchange-online';
import { GraphDirectory } from '../../../src/adapters/graph/graph-directory';
import { createCredential } from '../../../src/adapters/identity/credential';
import { AppError } from '../../../src/domain/errors';
import { startTenant, type Tenant } from '../../support/simulator-env';
import { ADAPTER_SEED, ids } from '../exchange/tenant-seed';

describe('An app without the roles it needs', () => {
  let tenant: Tenant;
  let exchange: ExchangeOnline;
  let directory: GraphDirectory;
  before(async () => {
    tenant = await startTenant(ADAPTER_SEED);
    const reader = (JSON.parse(readFileSync(ADAPTER_SEED, 'utf8')) as { apps: { clientId: string; clientSecret: string }[] }).apps[1]!;
    const credential = createCredential({ tenantId: tenant.sim.tenantId, ...reader, authorityHost: tenant.sim.url });
    exchange = new ExchangeOnline(new ExchangeClient({ baseUrl: tenant.sim.url, tenantId: tenant.sim.tenantId, credential }));
    directory = new GraphDirectory({ credential, baseUrl: `${tenant.sim.url}/` });
  });
  after(() => tenant.close());

  it('is told an administrator must grant an Exchange role', async () => {
    await assert.rejects(exchange.findMailboxes('info@contoso.com'), (error: unknown) => error instanceof AppError && error.code === 'forbidden' && /Exchange role/.test(error.message));
  });

  it('is told an administrator must grant Graph permissions, also for batched reads', async () => {
    const isForbidden = (error: unknown) => error instanceof AppError && error.code === 'forbidden' && /Graph permissions/.test(error.message);
    await assert.rejects(directory.expandGroups([ids.sales]), isForbidden);
  });
});
