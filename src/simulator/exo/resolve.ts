import type { SimContext } from '../context';
import { principalById, resolveMailbox, resolvePrincipal, type Principal } from '../directory';
import { key, sidFor, type MailboxState } from '../state';
import { exoErrors } from './errors';

export function mailboxOrThrow(ctx: SimContext, identity: string): MailboxState {
  const result = resolveMailbox(ctx.state, identity);
  if ('found' in result) return result.found;
  throw 'ambiguous' in result ? exoErrors.ambiguous(identity) : exoErrors.notFound(identity);
}

export function principalOrThrow(ctx: SimContext, identity: string): Principal {
  const result = resolvePrincipal(ctx.state, identity);
  if ('found' in result) return result.found;
  throw 'ambiguous' in result ? exoErrors.ambiguous(identity) : exoErrors.principalNotFound(identity);
}

/**
 * The trustee id an ACE names: a known principal, or an orphaned id given back as its SID or raw id.
 * Orphans can only be named when an ACE on this mailbox carries them.
 */
export function trusteeIdOrThrow(ctx: SimContext, identity: string, aceTrustees: string[]): string {
  const orphan = aceTrustees.find((id) => !principalById(ctx.state, id) && (sidFor(id) === identity || key(id) === key(identity)));
  if (orphan) return orphan;
  const principal = principalOrThrow(ctx, identity);
  return principal.kind === 'user' ? principal.user.id : principal.group.id;
}

export function touch(ctx: SimContext, mailbox: MailboxState): void {
  mailbox.whenChanged = ctx.now().toISOString();
}
