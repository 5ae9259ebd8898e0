import type { CommandOf } from '../commands/command';
import type { Actor } from './actor';
import type { Deps } from './deps';
import type { Outcome } from './outcome';
import { AppError } from '../domain/errors';
import { isAdmin } from './roles';

/**
 * What this user may do. The store cannot list the mailboxes someone owns, so an owner counts as an
 * approver here once a request is waiting for them; admins always do.
 */
export async function help(deps: Deps, actor: Actor, command: CommandOf<'help'>): Promise<Outcome> {
  const [admin, waiting] = await Promise.all([
    isAdmin(deps, actor.id).catch((error: unknown) => adminUnknown(deps, error)),
    deps.store.listRequests({ approverId: actor.id, statuses: ['pending'] }),
  ]);
  return {
    kind: 'help',
    isAdmin: admin,
    isApprover: admin || waiting.length > 0,
    ...(command.notUnderstood !== undefined ? { notUnderstood: command.notUnderstood } : {}),
  };
}

/** Help must answer even while the directory is down; it then shows what anyone may do. */
function adminUnknown(deps: Deps, error: unknown): boolean {
  if (!(error instanceof AppError) || error.code !== 'unavailable') throw error;
  deps.log.warn('help without roles: the directory is unavailable', { error: error.cause ?? error });
  return false;
}
