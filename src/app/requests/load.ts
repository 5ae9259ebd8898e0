import type { Deps } from '../deps';
import type { ChangeRequest } from '../../domain/change-request';
import { AppError } from '../../domain/errors';

export async function loadRequest(deps: Deps, requestId: string): Promise<ChangeRequest> {
  const request = requestId.trim() === '' ? undefined : await deps.store.getRequest(requestId.trim());
  if (!request) throw new AppError('not-found', 'That request no longer exists.');
  return request;
}

/** The store's answer to a write carrying a stale version: someone else changed the request first. */
export function isConflict(error: unknown): boolean {
  return error instanceof AppError && error.code === 'conflict';
}

/** A conditional write; undefined when another writer got there first. */
export async function writeIfUnchanged(deps: Deps, next: ChangeRequest): Promise<ChangeRequest | undefined> {
  try {
    return await deps.store.updateRequest(next);
  } catch (error) {
    if (isConflict(error)) return undefined;
    throw error;
  }
}

/** Tells people about a change; a failed notification is logged, never undoes the change. */
export async function notifyChanged(deps: Deps, request: ChangeRequest): Promise<void> {
  try {
    await deps.notifier.requestChanged(request);
  } catch (error) {
    deps.log.error('could not notify about a request', { requestId: request.id, status: request.status, error });
  }
}
