import type { Clock, Directory, Exchange, Notifier, Store } from '../ports';
import type { Logger } from '../log';
import type { ExportLinks } from './export-links';
import type { RequestExecutor } from './requests/executor';

/** Policy the use cases apply; from configuration. */
export interface Policy {
  readonly tenantDomain: string;
  /** Domains that count as internal for forwarding (the tenant's accepted domains). */
  readonly internalDomains: readonly string[];
  readonly adminGroupId: string;
  readonly requestLifetimeDays: number;
  /** The longest a time-bound grant may last; absent → no limit. */
  readonly maxGrantDays?: number;
  /** Start an access review of each shared mailbox with owners this often (REVIEW_EVERY_DAYS); absent → only on demand. */
  readonly reviewEveryDays?: number;
  /** How long a tenant report stays with the instance building it after its last checkpoint; absent → 5 minutes. */
  readonly reportLeaseMs?: number;
}

export interface Deps {
  readonly exchange: Exchange;
  readonly directory: Directory;
  readonly store: Store;
  readonly notifier: Notifier;
  readonly clock: Clock;
  readonly log: Logger;
  readonly policy: Policy;
  /** New unique ids (injectable so tests can predict them). */
  readonly newId: () => string;
  /** Runs approved requests; the composition root shares one per instance. Absent: a fresh one per decision. */
  readonly executor?: RequestExecutor;
  /** Signed download links for exports; absent where the bot serves no downloads. */
  readonly exports?: ExportLinks;
}
