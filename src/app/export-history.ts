import type { CommandOf } from '../commands/command';
import { auditCsv } from '../domain/audit-csv';
import { AppError } from '../domain/errors';
import type { Actor } from './actor';
import { auditedMailboxes, fullLog } from './audit-mailboxes';
import type { Deps } from './deps';
import { signedExportUrl, type StoredExport } from './export-links';
import { saveExport } from './export-retention';
import type { Outcome } from './outcome';
import { requireAdmin } from './requests/owners';

/** "export history [<mailbox>]": the audit log as CSV behind a short-lived signed download link. */
export async function exportHistory(deps: Deps, actor: Actor, command: CommandOf<'export-history'>): Promise<Outcome> {
  await requireAdmin(deps, actor, 'export the audit history');
  const links = deps.exports;
  if (!links) throw new AppError('unavailable', 'Downloads are not set up on this bot.');
  const mailboxes = await auditedMailboxes(deps, command.mailbox);
  const entries = (await Promise.all(mailboxes.map((m) => fullLog(deps, m)))).flat().sort((a, b) => b.at.localeCompare(a.at));
  const now = deps.clock.now();
  const expiresMs = now.getTime() + links.ttlMs;
  const id = deps.newId();
  const scope = command.mailbox === undefined ? 'all mailboxes' : mailboxes[0]!.address;
  const day = now.toISOString().slice(0, 10);
  const stored: StoredExport = {
    filename: `audit-${command.mailbox === undefined ? 'all' : mailboxes[0]!.address.split('@')[0]}-${day}.csv`,
    csv: auditCsv(entries),
    expiresAt: new Date(expiresMs).toISOString(),
  };
  await saveExport(deps, id, stored);
  const url = await signedExportUrl(deps.store, links, id, expiresMs);
  return { kind: 'export-ready', scope, rows: entries.length, url, expiresAt: stored.expiresAt };
}
