import type { AuditCheckResult } from '../app/outcome';
import { instantText, mailboxText, plural } from './format';
import { noticeView } from './message-cards';
import type { View } from './view';

const MAX_LINES = 40;

/** The result of `verify history`: each mailbox's chain, and the first broken link where there is one. */
export function auditCheckView(results: readonly AuditCheckResult[]): View {
  const broken = results.filter((r) => r.check.broken);
  const headline =
    results.length === 0
      ? 'No audit entries to verify yet.'
      : broken.length === 0
        ? `Audit history verified: every hash and link matches (${plural(results.length, 'mailbox', 'mailboxes')}).`
        : `Audit history BROKEN in ${plural(broken.length, 'mailbox', 'mailboxes')}: entries were changed or removed outside the bot.`;
  const lines = [...broken, ...results.filter((r) => !r.check.broken)].slice(0, MAX_LINES).map(({ mailbox, check }) => {
    const counted = `${plural(check.checked, 'entry', 'entries')} verified${check.unchained > 0 ? `, ${check.unchained} from before the chain` : ''}`;
    if (!check.broken) return `- ${mailboxText(mailbox)}: ${counted}.`;
    const { entryId, at, reason } = check.broken;
    return `- ${mailboxText(mailbox)}: first broken link at entry ${entryId} (${instantText(at)}): ${reason}. ${counted} before it.`;
  });
  return noticeView([headline, ...lines].join('\n'));
}

/** The export's download link; it works for anyone holding it until it expires, so share it with care. */
export function exportReadyView(scope: string, rows: number, url: string, expiresAt: string): View {
  const text = [
    `Audit history of ${scope}: ${plural(rows, 'entry', 'entries')} as CSV.`,
    `[Download the CSV](${url})`,
    `The link works until ${instantText(expiresAt)}; anyone holding it can download the file, so do not forward it.`,
  ].join('\n\n');
  return noticeView(text);
}
