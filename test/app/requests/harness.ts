import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Actor, Conversation } from '../../../src/app/actor';
import type { Deps } from '../../../src/app/deps';
import { createExecutor, decide, requestGrant, type ExecutorOptions, type RequestExecutor } from '../../../src/app/requests';
import type { Clock } from '../../../src/ports';
import { RecordingLog } from '../../support/recording-log';
import { RecordingNotifier } from '../../support/recording-notifier';
import { startTenant, type JournalEntry, type Tenant } from '../../support/simulator-env';
import { tempSqliteStore, type TempSqliteStore } from '../../support/temp-store';

export const SEED = join(__dirname, 'seed.json');

export const people = {
  adele: { id: 'a0000000-0000-4000-8000-000000000001', name: 'Adele Vance' },
  megan: { id: 'a0000000-0000-4000-8000-000000000002', name: 'Megan Bowen' },
  bob: { id: 'a0000000-0000-4000-8000-000000000003', name: 'Bob Smith' },
  dana: { id: 'a0000000-0000-4000-8000-000000000004', name: 'Dana Lee' },
  eve: { id: 'a0000000-0000-4000-8000-000000000005', name: 'Eve Adams' },
} as const;

export const ADMIN_GROUP_ID = 'b0000000-0000-4000-8000-000000000001';
export const INFO_ID = 'c0000000-0000-4000-8000-000000000001';
const DAY_MS = 86_400_000;

/** A clock that stands still until the test moves it. */
export class TestClock implements Clock {
  constructor(private ms = Date.parse('2026-12-01T09:00:00.000Z')) {}
  now(): Date {
    return new Date(this.ms);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
  advanceDays(days: number): void {
    this.advance(days * DAY_MS);
  }
}

export interface Harness {
  readonly tenant: Tenant;
  readonly temp: TempSqliteStore;
  readonly notifier: RecordingNotifier;
  readonly clock: TestClock;
  readonly log: RecordingLog;
  readonly deps: Deps;
  readonly executor: RequestExecutor;
  /** A second executor sharing the same store and tenant, as another instance of the bot would. */
  executorFor(owner: string, deps?: Deps): RequestExecutor;
  cmdlets(): Promise<string[]>;
  close(): Promise<void>;
}

export const FAST_EXECUTION: Omit<ExecutorOptions, 'owner'> = { leaseMs: 60_000, maxAttempts: 3, retryDelays: [5, 5] };

/** The test tenant; adapters retry nothing, so the executor's own retries are what a test sees. */
export function startTestTenant(): Promise<Tenant> {
  return startTenant(SEED, { retry: { maxAttempts: 1 } });
}

/** A fresh store, clock and notifier; on a fresh tenant unless given a shared one (which it leaves open). */
export async function startHarness(shared?: Tenant): Promise<Harness> {
  const tenant = shared ?? (await startTestTenant());
  const temp = await tempSqliteStore();
  const notifier = new RecordingNotifier();
  const clock = new TestClock();
  const log = new RecordingLog();
  const base: Deps = {
    exchange: tenant.exchange,
    directory: tenant.directory,
    store: temp.store,
    notifier,
    clock,
    log,
    policy: { tenantDomain: 'contoso.com', internalDomains: ['contoso.com'], adminGroupId: ADMIN_GROUP_ID, requestLifetimeDays: 7 },
    newId: randomUUID,
  };
  const executors: RequestExecutor[] = [];
  const executorFor = (owner: string, deps: Deps = base) => {
    const executor = createExecutor(deps, { owner, ...FAST_EXECUTION });
    executors.push(executor);
    return executor;
  };
  const executor = executorFor('instance-a');
  await tenant.clearJournal();
  return {
    tenant,
    temp,
    notifier,
    clock,
    log,
    deps: { ...base, executor },
    executor,
    executorFor,
    async cmdlets() {
      return (await tenant.journal()).map((e: JournalEntry) => e.cmdlet).filter((c): c is string => c !== undefined);
    },
    async close() {
      await Promise.all(executors.map((e) => e.idle()));
      await temp.cleanup();
      if (!shared) await tenant.close();
    },
  };
}

export function actor(person: { readonly id: string; readonly name: string }, type: Conversation['type'] = 'personal'): Actor {
  return { id: person.id, name: person.name, conversation: { id: `conv-${person.id}-${type}`, type, reference: { channel: type } } };
}

/** Only the calls that change Exchange, in order. */
export function writes(cmdlets: readonly string[]): string[] {
  return cmdlets.filter((c) => !c.startsWith('Get-'));
}

/**
 * A fresh harness for every test of the enclosing `describe`. With `sharedTenant`, one tenant serves the whole
 * `describe` (for tests that change nothing in Exchange); otherwise every test gets a tenant of its own.
 */
export function freshHarnessForEachTest(receive: (h: Harness) => void, { sharedTenant = false } = {}): void {
  let tenant: Tenant | undefined;
  let h: Harness | undefined;
  if (sharedTenant) {
    before(async () => {
      tenant = await startTestTenant();
    });
    after(async () => {
      await tenant?.close();
    });
  }
  beforeEach(async () => {
    h = await startHarness(tenant);
    receive(h);
  });
  afterEach(async () => {
    await h?.close();
  });
}

/** Bob's Full Access and Send As on info@ for `days`, approved by Adele and carried out; the journal cleared after. */
export async function approvedGrantForDays(h: Harness, days: number): Promise<string> {
  const outcome = await requestGrant(h.deps, actor(people.bob), {
    kind: 'request-grant', person: 'bob@', mailbox: 'info@', rights: ['full-access', 'send-as'], automapping: true, duration: { days },
  });
  if (outcome.kind !== 'request-created') throw new Error(`expected a request, got ${outcome.kind}`);
  await decide(h.deps, actor(people.adele), { kind: 'decide', requestId: outcome.request.id, verdict: 'approve' });
  await h.executor.idle();
  await h.tenant.clearJournal();
  return outcome.request.id;
}
