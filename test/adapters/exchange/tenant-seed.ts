import { join } from 'node:path';

/** A tenant shaped for the adapter tests: nested groups, a Deny entry, an orphaned SID, Send on Behalf. */
export const ADAPTER_SEED = join(__dirname, 'fixtures', 'adapter-tenant.json');

export const ids = {
  adele: '00000000-0000-4000-8000-000000000001',
  bob: '00000000-0000-4000-8000-000000000002',
  carol: '00000000-0000-4000-8000-000000000003',
  dan: '00000000-0000-4000-8000-000000000004',
  megan: '00000000-0000-4000-8000-000000000005',
  sales: '00000000-0000-4000-9000-000000000001',
  salesEmea: '00000000-0000-4000-9000-000000000002',
  salesParis: '00000000-0000-4000-9000-000000000003',
  botAdmins: '00000000-0000-4000-9000-000000000004',
  info: '00000000-0000-4000-a000-000000000001',
  support: '00000000-0000-4000-a000-000000000002',
  projects: '00000000-0000-4000-a000-000000000003',
  deletedTrustee: '00000000-0000-4000-b000-0000000000ff',
} as const;

export const SHARED_MAILBOX_COUNT = 14;
