import template from '../../cards/history.json';
import type { AuditEntry, MailboxRef } from '../domain/change-request';
import { capped, dayText, instantText, mailboxText, truncated } from './format';
import { render } from './render';
import type { View } from './view';

const MAX_ENTRIES = 30;
const ENTRY_BYTES = 6_000;

type Color = 'Default' | 'Good' | 'Attention';

export interface HistoryCardData {
  readonly mailbox: string;
  readonly entries: readonly { readonly headline: string; readonly detail: string; readonly when: string; readonly color: Color }[];
  readonly more: string;
}

const COLORS: Record<AuditEntry['outcome'], Color> = { ok: 'Good', failed: 'Attention', info: 'Default' };

/** Audit entries as given (newest first), capped so the card stays small. */
export function historyView(mailbox: MailboxRef, entries: readonly AuditEntry[], since?: string): View {
  const rows = entries.map((entry) => ({
    headline: `${entry.actor.displayName} · ${entry.action}${entry.outcome === 'failed' ? ' · failed' : ''}`,
    detail: truncated(entry.requestId ? `${entry.detail} (request ${entry.requestId})` : entry.detail, 300),
    when: instantText(entry.at),
    color: COLORS[entry.outcome],
  }));
  const { shown, more } = capped(rows, MAX_ENTRIES, ENTRY_BYTES);
  const from = since ? ` since ${dayText(since)}` : '';
  const data: HistoryCardData = { mailbox: `${mailboxText(mailbox)}${from}`, entries: shown, more };
  const lines = data.entries.map((row) => `- ${row.when}: ${row.headline}. ${row.detail}`);
  const text = [`History of ${data.mailbox}:`, ...(lines.length > 0 ? lines : ['nothing recorded yet']), more];
  return { card: render(template, data), text: text.filter(Boolean).join('\n') };
}
