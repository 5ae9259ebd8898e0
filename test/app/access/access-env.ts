import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { Actor } from '../../../src/app/actor';
import type { Deps, Policy } from '../../../src/app/deps';
import type { ChangeRequest } from '../../../src/domain/change-request';
import { AppError } from '../../../src/domain/errors';
import type { Notifier } from '../../../src/ports';
import { RecordingLog } from '../../support/recording-log';
import { startTenant, type Tenant } from '../../support/simulator-env';
import { tempSqliteStore } from '../../support/temp-store';

export const ACCESS_SEED = join(__dirname, 'access-seed.json');

/** Object ids from access-seed.json. */
export const ids = {
  adele: '00000000-0000-4000-8000-000000000001',
  bob: '00000000-0000-4000-8000-000000000002',
  megan: '00000000-0000-4000-8000-000000000003',
  lee: '00000000-0000-4000-8000-000000000004',
  nestor: '00000000-0000-4000-8000-000000000005',
  alexWilber: '00000000-0000-4000-8000-000000000006',
  alexW: '00000000-0000-4000-8000-000000000007',
  pradeep: '00000000-0000-4000-8000-000000000008',
  botAdmins: '00000000-0000-4000-8000-0000000000b1',
  sales: '00000000-0000-4000-8000-0000000000b2',
  salesEmea: '00000000-0000-4000-8000-0000000000b3',
  info: '00000000-0000-4000-8000-0000000000c1',
  marketing: '00000000-0000-4000-8000-0000000000c2',
  supportUs: '00000000-0000-4000-8000-0000000000c4',
  diego: '00000000-0000-4000-8000-0000000000c5',
} as const;

export function recordingNotifier(): Notifier & { readonly asked: ChangeRequest[]; readonly changed: ChangeRequest[] } {
  const asked: ChangeRequest[] = [];
  const changed: ChangeRequest[] = [];
  return {
    asked,
    changed,
    askForApproval: async (request) => void asked.push(request),
    requestChanged: async (request) => void changed.push(request),
    grantEnding: async () => undefined,
    grantEnded: async () => undefined,
    reportReady: async () => undefined,
    reviewAssigned: async () => undefined,
    reviewOverdue: async () => undefined,
  };
}

export const NOW = new Date('2026-11-25T09:00:00Z');

export const policy: Policy = {
  tenantDomain: 'contoso.com',
  internalDomains: ['contoso.com'],
  adminGroupId: ids.botAdmins,
  requestLifetimeDays: 7,
};

export function actor(id: string, name: string): Actor {
  return { id, name, conversation: { id: `personal-${id}`, type: 'personal', reference: {} } };
}

export interface AccessEnv {
  readonly deps: Deps;
  readonly tenant: Tenant;
  readonly log: RecordingLog;
  close(): Promise<void>;
}

/** The real simulator and adapters over HTTPS, a real SQLite store in a temporary file. */
export async function startAccessEnv(seedPath: string = ACCESS_SEED): Promise<AccessEnv> {
  const tenant = await startTenant(seedPath);
  const temp = await tempSqliteStore();
  const log = new RecordingLog();
  let counter = 0;
  const deps: Deps = {
    exchange: tenant.exchange,
    directory: tenant.directory,
    store: temp.store,
    notifier: recordingNotifier(),
    clock: { now: () => NOW },
    log,
    policy,
    newId: () => `id-${++counter}`,
  };
  return {
    deps,
    tenant,
    log,
    close: async () => {
      await temp.cleanup();
      await tenant.close();
    },
  };
}

/** One env for the whole enclosing `describe`; `receive` gets it first and may prepare it before the first test. */
export function sharedAccessEnv(receive: (env: AccessEnv) => void | Promise<void>, seedPath?: string): void {
  let env: AccessEnv | undefined;
  before(async () => {
    env = await startAccessEnv(seedPath);
    await receive(env);
  });
  after(async () => env?.close());
}

/** The AppError a call fails with; fails the test if it succeeds or throws anything else. */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}
