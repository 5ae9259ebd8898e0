import type { TableClient } from '@azure/data-tables';
import { AppError } from '../../domain/errors';
import { parseRetryAfter, RetryPolicy, type RetryVerdict } from '../retry/retry-policy';
import { asAppError, isTransportFailure, statusOf, TRANSIENT_STATUS } from './azure-errors';

/** Inside a chat turn a store call, retries included, must end within Teams' patience. */
export const STORAGE_RETRY = new RetryPolicy({ maxAttempts: 6, budgetMs: 10_000, baseDelayMs: 200, maxDelayMs: 4_000 });

/** An attempt that has not answered by then is abandoned and counted as a transport failure. */
export const ATTEMPT_TIMEOUT_MS = 5_000;

/** A conditional write either lands (its ETag) or is refused with a status the caller gives meaning to. */
export type WriteOutcome = { readonly etag: string } | { readonly refusedWith: number };

interface OwnedEntity {
  readonly partitionKey: string;
  readonly rowKey: string;
  /** Unique per write call, so a refused retry can tell its own earlier success from someone else's write. */
  readonly writeId: string;
}

/** Runs every Table Storage call under the one storage retry policy; the SDK's own retry is taken out. */
export class TableCalls {
  constructor(readonly retry: RetryPolicy = STORAGE_RETRY) {}

  /** Leaves retrying to `run` and bounds each attempt, so a silent connection cannot eat the budget. */
  prepare(client: TableClient, attemptTimeoutMs: number = ATTEMPT_TIMEOUT_MS): TableClient {
    client.pipeline.removePolicy({ name: 'defaultRetryPolicy' });
    client.pipeline.addPolicy({
      name: 'storageAttemptTimeout',
      sendRequest: (request, next) => {
        if (request.timeout <= 0) request.timeout = attemptTimeoutMs;
        return next(request);
      },
    });
    return client;
  }

  /** `work` gets the attempt number: from the second on, an earlier attempt may have landed unseen. */
  async run<T>(work: (attempt: number) => Promise<T>): Promise<T> {
    try {
      return await this.retry.run(({ number }) => work(number), storageVerdict);
    } catch (err) {
      throw asAppError(err);
    }
  }

  /** Like `run`, where the listed statuses are an expected answer, not a failure. */
  async expecting<T, const F>(statuses: readonly number[], fallback: F, work: (attempt: number) => Promise<T>): Promise<T | F> {
    try {
      return await this.run(work);
    } catch (err) {
      const status = statusOf(err);
      if (status !== undefined && statuses.includes(status)) return fallback;
      throw err;
    }
  }

  /**
   * An insert or ETag-conditional update, exactly once under retries: when a retry is refused (409/412)
   * because the first attempt landed but its answer was lost, the row carries our writeId and counts as ours.
   */
  async writeOnce(
    table: TableClient,
    entity: OwnedEntity,
    refusals: readonly number[],
    write: () => Promise<{ etag?: string }>,
  ): Promise<WriteOutcome> {
    return this.run(async (attempt) => {
      try {
        return { etag: confirmed((await write()).etag) };
      } catch (err) {
        const status = statusOf(err);
        if (status === undefined || !refusals.includes(status)) throw err;
        if (attempt > 1) {
          const onRecord = await writeIdOf(table, entity);
          if (onRecord?.writeId === entity.writeId) return { etag: confirmed(onRecord.etag) };
        }
        return { refusedWith: status };
      }
    });
  }
}

/** Storage's transient answers and lost connections are retried; Retry-After wins over backoff. */
export function storageVerdict(err: unknown): RetryVerdict {
  if (err instanceof AppError) return { kind: 'give-up' };
  const status = statusOf(err);
  if (status !== undefined && TRANSIENT_STATUS.has(status)) {
    const afterMs = parseRetryAfter(retryAfterOf(err));
    return afterMs === undefined ? { kind: 'retry' } : { kind: 'retry', afterMs };
  }
  return isTransportFailure(err) ? { kind: 'retry' } : { kind: 'give-up' };
}

function retryAfterOf(err: unknown): string | undefined {
  const headers = (err as { response?: { headers?: { get?: (name: string) => string | undefined } } }).response?.headers;
  return headers?.get?.('retry-after');
}

async function writeIdOf(table: TableClient, entity: OwnedEntity): Promise<{ writeId: unknown; etag: string } | undefined> {
  try {
    const row = await table.getEntity(entity.partitionKey, entity.rowKey, { queryOptions: { select: ['writeId'] } });
    return { writeId: row['writeId'], etag: row.etag };
  } catch (err) {
    if (statusOf(err) === 404) return undefined;
    throw err;
  }
}

function confirmed(etag: string | undefined): string {
  if (etag === undefined) throw new AppError('unavailable', 'Table storage did not confirm the write.');
  return etag;
}
