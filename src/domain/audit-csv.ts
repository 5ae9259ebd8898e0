import type { AuditEntry } from './change-request';

const HEADER = ['time', 'mailbox', 'action', 'outcome', 'actor', 'actor address', 'request', 'detail', 'hash', 'previous hash'];

/** A field as CSV: quoted when needed, and never read as a formula by a spreadsheet. */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

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
  return [HEADER, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
