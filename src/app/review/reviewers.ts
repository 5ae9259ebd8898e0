import type { Deps } from '../deps';
import { approversOf, isAdmin } from '../roles';
import type { MailboxRef } from '../../domain/change-request';

/** Owners of the mailbox (their enabled accounts, group owners expanded) and the admins may review it. */
export async function mayReview(deps: Deps, userId: string, mailbox: MailboxRef): Promise<boolean> {
  if (await isAdmin(deps, userId)) return true;
  if ((await deps.store.getOwners(mailbox.id)).length === 0) return false;
  return (await approversOf(deps, mailbox)).includes(userId);
}

/**
 * Who gets a scheduled review: the mailbox's approvers, for mailboxes with owners recorded. That is
 * the enabled owners, or the admins once every owner has left (someone still has to look).
 */
export async function scheduledReviewers(deps: Deps, mailbox: MailboxRef): Promise<readonly string[]> {
  if ((await deps.store.getOwners(mailbox.id)).length === 0) return [];
  return approversOf(deps, mailbox);
}
