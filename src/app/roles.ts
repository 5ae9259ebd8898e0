// Contract for roles (DESIGN §5) shared by every use case; implemented in this file.
import type { Deps } from './deps';
import type { MailboxRef } from '../domain/change-request';

/** Admins are transitive members of the configured admin group. */
export async function isAdmin(_deps: Deps, _userId: string): Promise<boolean> {
  return false;
}

/** Object ids of who decides for a mailbox: its owners, or the admins when it has none. */
export async function approversOf(_deps: Deps, _mailbox: MailboxRef): Promise<readonly string[]> {
  return [];
}
