import type { ChangeRequest } from '../../domain/change-request';
import { AppError } from '../../domain/errors';

/** Checks shared by both engines, so they reject the same bad input with the same words. */

export function instantMs(iso: string, what: string): number {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new AppError('invalid', `${what} "${iso}" is not a valid date and time.`);
  return ms;
}

export function documentJson(key: string, value: unknown): string {
  if (key.length === 0) throw new AppError('invalid', 'A document needs a non-empty key.');
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new AppError('invalid', `Document "${key}" has no JSON value to store.`);
  return json;
}

export function checkLease(name: string, owner: string, ttlMs: number): void {
  if (name.length === 0 || owner.length === 0) throw new AppError('invalid', 'A lease needs a name and an owner.');
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new AppError('invalid', `Lease "${name}" needs a positive duration.`);
  }
}

/**
 * The stored body: everything but the version, which the engine owns. Passed through JSON so what a
 * write returns equals what a later read returns (undefined fields dropped).
 */
export function requestBody(request: Omit<ChangeRequest, 'version'> | ChangeRequest): Omit<ChangeRequest, 'version'> {
  const { version: _ignored, ...body } = request as ChangeRequest;
  return JSON.parse(JSON.stringify(body)) as Omit<ChangeRequest, 'version'>;
}

export function staleVersion(id: string): AppError {
  return new AppError('conflict', `Request ${id} was changed by someone else; reload it and try again.`);
}

export function missingRequest(id: string): AppError {
  return new AppError('not-found', `There is no request ${id}.`);
}

export function duplicateRequest(id: string): AppError {
  return new AppError('conflict', `A request with id ${id} already exists.`);
}

export function staleChain(mailboxId: string): AppError {
  return new AppError('conflict', `Another entry joined the audit chain of ${mailboxId} first; read its head and try again.`);
}
