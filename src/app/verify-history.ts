import type { CommandOf } from '../commands/command';
import { verifyChain } from '../domain/audit-chain';
import type { Actor } from './actor';
import { auditedMailboxes, fullLog } from './audit-mailboxes';
import type { Deps } from './deps';
import type { Outcome } from './outcome';
import { requireAdmin } from './requests/owners';

/** "verify history [<mailbox>]": recomputes every hash and link of the audit chains and reports the first break. */
export async function verifyHistory(deps: Deps, actor: Actor, command: CommandOf<'verify-history'>): Promise<Outcome> {
  await requireAdmin(deps, actor, 'verify the audit history');
  const mailboxes = await auditedMailboxes(deps, command.mailbox);
  const results = await Promise.all(
    mailboxes.map(async (mailbox) => ({ mailbox, check: verifyChain(await fullLog(deps, mailbox)) })),
  );
  return { kind: 'audit-check', results: results.filter((r) => command.mailbox !== undefined || r.check.checked + r.check.unchained > 0 || r.check.broken) };
}
