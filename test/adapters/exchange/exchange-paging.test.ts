import assert from 'node:assert/strict';
import { startTenant, type Tenant } from '../../support/simulator-env';
import { ADAPTER_SEED, SHARED_MAILBOX_COUNT } from './tenant-seed';

describe('Exchange paging', () => {
  let tenant: Tenant;
  before(async () => {
    tenant = await startTenant(ADAPTER_SEED, { exchangePageSize: 5 });
  });
  after(() => tenant.close());

  it('follows @odata.nextLink by re-posting the same cmdlet until every page is read', async () => {
    const { result, requests } = await tenant.roundTrips(() => tenant.exchange.listSharedMailboxes());
    assert.equal(result.length, SHARED_MAILBOX_COUNT);
    assert.equal(new Set(result.map((mailbox) => mailbox.id)).size, SHARED_MAILBOX_COUNT);
    assert.equal(requests.length, Math.ceil(SHARED_MAILBOX_COUNT / 5));
    const pages = (await tenant.journal()).filter((entry) => entry.cmdlet === 'Get-Mailbox');
    assert.ok(pages.every((entry) => JSON.stringify(entry.parameters) === JSON.stringify(pages[0]!.parameters)));
  });
});
