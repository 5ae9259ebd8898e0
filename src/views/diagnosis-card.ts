import template from '../../cards/diagnosis.json';
import type { MailboxRef, PrincipalRef } from '../domain/change-request';
import type { Finding } from '../domain/diagnose';
import { bullets, mailboxKey, mailboxText, plural } from './format';
import { render } from './render';
import type { View } from './view';
import { findingText, type FindingText } from './finding-text';

interface FindingRow extends FindingText {
  readonly color: 'Attention' | 'Warning' | 'Good';
  readonly button: string;
  readonly requestKind: string;
  readonly mailboxKey: string;
  readonly personId: string;
}

export interface DiagnosisCardData {
  readonly title: string;
  readonly summary: string;
  readonly mailboxName: string;
  readonly mailboxKey: string;
  readonly findings: readonly FindingRow[];
}

/** One card with every cause found, each with what to do and, where a request fixes it, a button that asks. */
export function diagnosisView(mailbox: MailboxRef, person: PrincipalRef, findings: readonly Finding[]): View {
  const problems = findings.filter((f) => f.code !== 'all-clear').length;
  const rows = findings.map((finding): FindingRow => {
    const text = findingText(finding, person, mailbox);
    return {
      ...text,
      color: finding.code === 'all-clear' ? 'Good' : BLOCKING.has(finding.code) ? 'Attention' : 'Warning',
      button: finding.action === 'request-full-access' ? `Ask for Full Access for ${person.displayName}` : '',
      requestKind: 'grant',
      mailboxKey: mailboxKey(mailbox.address),
      personId: person.id,
    };
  });
  const data: DiagnosisCardData = {
    title: `Why can't ${person.displayName} open ${mailbox.displayName}?`,
    summary: problems === 0 ? `${mailboxText(mailbox)}: nothing found in the way.` : `${mailboxText(mailbox)}: ${plural(problems, 'possible cause')} found.`,
    mailboxName: mailbox.displayName,
    mailboxKey: mailboxKey(mailbox.address),
    findings: rows,
  };
  const lines = rows.map((row) => `${row.headline}. ${row.explanation} ${row.fix}`);
  return { card: render(template, data), text: [data.title, data.summary, bullets(lines)].join('\n') };
}

const BLOCKING = new Set<Finding['code']>(['account-disabled', 'denied', 'no-access']);
