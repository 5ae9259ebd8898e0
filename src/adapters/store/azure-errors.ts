import { AppError } from '../../domain/errors';

export const TRANSIENT_STATUS: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

export function statusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null || !('statusCode' in err)) return undefined;
  return typeof err.statusCode === 'number' ? err.statusCode : undefined;
}

/** No answer at all: the connection failed or was cut, or the attempt ran out of time. */
export function isTransportFailure(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return err.name === 'AbortError' || (err.name === 'RestError' && statusOf(err) === undefined);
}

/** What is left after retries, as an AppError the user can act on (other failures pass through). */
export function asAppError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const status = statusOf(err);
  if ((status !== undefined && TRANSIENT_STATUS.has(status)) || isTransportFailure(err)) {
    return new AppError('unavailable', 'Table storage is busy or unreachable; try again in a moment.', { cause: err });
  }
  if (status === 400 || status === 413) {
    return new AppError('invalid', 'Table storage refused the data (too large or malformed).', { cause: err });
  }
  return err;
}
