import type { SimContext } from '../context';
import { principalById, resolveMailbox, resolvePrincipal, type Principal } from '../directory';
import { key, sidFor, type MailboxState } from '../state';
import { exoErrors } from './errors';
import { trusteeLabel } from './present';

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

/**
 * Removes a trustee's Allow (or Deny) entry from one of the mailbox's ACE lists. Returns the account as the
 * service names it in its "no such ACE" warning when there was nothing to remove, else undefined.
 */
export function removeAce(
  ctx: SimContext,
  mailbox: MailboxState,
  list: 'fullAccess' | 'sendAs',
  removal: { readonly trustee: string; readonly deny: boolean; readonly typed: string },
): string | undefined {
  const other = (ace: { trustee: string; deny: boolean }) => !(key(ace.trustee) === key(removal.trustee) && ace.deny === removal.deny);
  const before = mailbox[list].length;
  if (list === 'fullAccess') mailbox.fullAccess = mailbox.fullAccess.filter(other);
  else mailbox.sendAs = mailbox.sendAs.filter(other);
  if (mailbox[list].length === before) return principalById(ctx.state, removal.trustee) ? trusteeLabel(ctx, removal.trustee) : removal.typed;
  touch(ctx, mailbox);
  return undefined;
}
