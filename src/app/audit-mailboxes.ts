import type { AuditEntry, MailboxRef } from '../domain/change-request';
import type { Deps } from './deps';
import { mailboxRef } from './requests/principal';
import { resolveMailbox } from './resolve';

/** More than any mailbox's log holds in practice; reading is paged by the store. */
export const FULL_LOG = 100_000;

/**
 * The mailboxes whose logs a tenant-wide check or export covers: the named one, or every shared mailbox
 * and every mailbox the bot ever handled a request for (the store keeps no list of logs).
 */
export async function auditedMailboxes(deps: Deps, query: string | undefined): Promise<readonly MailboxRef[]> {
  if (query !== undefined) return [mailboxRef(await resolveMailbox(deps, query))];
  const [shared, requests] = await Promise.all([deps.exchange.listSharedMailboxes(), deps.store.listRequests({})]);
  const byId = new Map<string, MailboxRef>();
  for (const mailbox of shared) byId.set(mailbox.id, mailboxRef(mailbox));
  for (const request of requests) if (!byId.has(request.change.mailbox.id)) byId.set(request.change.mailbox.id, request.change.mailbox);
  return [...byId.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export async function fullLog(deps: Deps, mailbox: MailboxRef): Promise<readonly AuditEntry[]> {
  return deps.store.listAudit(mailbox.id, FULL_LOG);
}
