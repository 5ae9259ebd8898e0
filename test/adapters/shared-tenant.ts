import { startTenant, type Tenant } from '../support/simulator-env';
import { ADAPTER_SEED } from './exchange/tenant-seed';

/** One simulated adapter tenant for the whole enclosing `describe`, closed after its last test. */
export function adapterTenantForAllTests(receive: (tenant: Tenant) => void): void {
  let tenant: Tenant | undefined;
  before(async () => {
    tenant = await startTenant(ADAPTER_SEED);
    receive(tenant);
  });
  after(() => tenant?.close());
}
