import type { AuditEntry } from './change-request';
import { csvText } from './csv';

const HEADER = ['time', 'mailbox', 'action', 'outcome', 'actor', 'actor address', 'request', 'detail', 'hash', 'previous hash'];

/** The audit log as CSV (RFC 4180, CRLF line ends), one row per entry in the order given. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const rows = entries.map((e) => [
    e.at,
    e.mailboxAddress,
    e.action,
    e.outcome,
    e.actor.displayName,
    e.actor.address,
    e.requestId ?? '',
    e.detail,
    e.hash ?? '',
    e.prevHash ?? '',
  ]);
  return csvText(HEADER, rows);
}
