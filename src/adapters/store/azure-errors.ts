import { AppError } from '../../domain/errors';

const TRANSIENT_STATUS = new Set([408, 429, 500, 502, 503, 504]);

export function statusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null || !('statusCode' in err)) return undefined;
  return typeof err.statusCode === 'number' ? err.statusCode : undefined;
}

function isNetworkFailure(err: unknown): boolean {
  return err instanceof Error && err.name === 'RestError' && statusOf(err) === undefined;
}

/** Runs a Table Storage call, turning service trouble into AppErrors the user can act on. */
export async function tableCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof AppError) throw err;
    const status = statusOf(err);
    if ((status !== undefined && TRANSIENT_STATUS.has(status)) || isNetworkFailure(err)) {
      throw new AppError('unavailable', 'Table storage is busy or unreachable; try again in a moment.', { cause: err });
    }
    if (status === 400 || status === 413) {
      throw new AppError('invalid', 'Table storage refused the data (too large or malformed).', { cause: err });
    }
    throw err;
  }
}

/** Runs a call whose listed statuses are an expected answer, not a failure. */
export async function tableCallExpecting<T, const F>(
  statuses: readonly number[],
  fallback: F,
  work: () => Promise<T>,
): Promise<T | F> {
  try {
    return await tableCall(work);
  } catch (err) {
    const status = statusOf(err);
    if (status !== undefined && statuses.includes(status)) return fallback;
    throw err;
  }
}
