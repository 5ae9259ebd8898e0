import template from '../../cards/access-report.json';
import type { AccessEntry, AccessReport, Forwarding, GroupGrant } from '../domain/access-report';
import { ALL_RIGHTS, type Mailbox, type MailboxKind, type Right } from '../domain/mailbox';
import { automappingText, bullets, capped, mailboxKey, mailboxText, pathText, plural, rightName } from './format';
import { render } from './render';
import type { View } from './view';
import { warningText } from './warnings';

/** Rows per right: the card and its text fallback travel together and must stay below Teams' 28 KB. */
export const ROWS_PER_RIGHT = 50;
const ROW_BYTES_PER_RIGHT = 5_000;
const TEXT_ROWS_PER_RIGHT = 20;
const TEXT_BYTES_PER_RIGHT = 2_000;

interface RightSection {
  readonly title: string;
  readonly count: number;
  readonly hasPeople: boolean;
  readonly people: readonly { readonly name: string; readonly how: string }[];
  readonly more: string;
  readonly groups: string;
}

export interface AccessReportCardData {
  readonly mailbox: string;
  readonly mailboxKey: string;
  readonly summary: string;
  readonly rights: readonly RightSection[];
  readonly forwarding: string;
  readonly sentItems: string;
  readonly warnings: readonly string[];
}

const KIND_NAMES: Record<MailboxKind, string> = {
  shared: 'Shared mailbox',
  user: 'User mailbox',
  room: 'Room mailbox',
  equipment: 'Equipment mailbox',
  other: 'Mailbox',
};

export function accessReportView(report: AccessReport): View {
  const data = accessReportCardData(report);
  return { card: render(template, data), text: accessReportText(data) };
}

function accessReportCardData(report: AccessReport): AccessReportCardData {
  const people = new Set(report.entries.map((entry) => entry.person.id));
  return {
    mailbox: mailboxText(report.mailbox),
    mailboxKey: mailboxKey(report.mailbox.address),
    summary: `${KIND_NAMES[report.mailbox.kind]} · ${plural(people.size, 'person', 'people')} with access`,
    rights: ALL_RIGHTS.map((right) => rightSection(right, report)),
    forwarding: report.forwarding ? forwardingText(report.forwarding) : '',
    sentItems: sentItemsText(report.mailbox),
    warnings: report.warnings.map(warningText),
  };
}

function rightSection(right: Right, report: AccessReport): RightSection {
  const entries = report.entries.filter((entry) => entry.right === right);
  const rows = entries.map((entry) => ({ name: entry.person.displayName, how: howText(entry) }));
  const { shown, more } = capped(rows, ROWS_PER_RIGHT, ROW_BYTES_PER_RIGHT);
  return {
    title: `${rightName(right)} (${entries.length})`,
    count: entries.length,
    hasPeople: entries.length > 0,
    people: shown,
    more,
    groups: groupsText(right, report.groupGrants.filter((grant) => grant.right === right)),
  };
}

function howText(entry: AccessEntry): string {
  const path = pathText(entry.path);
  return entry.right === 'full-access' ? `${path} · automapping ${automappingText(entry.automapping)}` : path;
}

function groupsText(right: Right, grants: readonly GroupGrant[]): string {
  if (grants.length === 0) return '';
  const names = grants.map((grant) => `${grant.group.displayName} (${plural(grant.memberCount, 'member')})`).join(', ');
  const automap = right === 'full-access' ? ' Groups never automap: members add the mailbox in Outlook themselves.' : '';
  return `Granted to groups: ${names}.${automap}`;
}

function forwardingText(forwarding: Forwarding): string {
  const where = forwarding.external ? `the external address ${forwarding.address}` : forwarding.address;
  return `Forwards all mail to ${where} ${forwarding.keepsCopy ? 'and keeps a copy' : 'without keeping a copy'}.`;
}

/** Without these copies, mail sent by delegates shows up only in each sender's own Sent Items. */
function sentItemsText(mailbox: Mailbox): string {
  const asCopy = mailbox.messageCopyForSentAsEnabled;
  const onBehalfCopy = mailbox.messageCopyForSendOnBehalfEnabled;
  if (asCopy && onBehalfCopy) return "Sent Items: mail sent as or on behalf of the mailbox is also kept in the mailbox's Sent Items.";
  if (asCopy) return "Sent Items: mail sent as the mailbox is also kept in its Sent Items; mail sent on behalf of it is not.";
  if (onBehalfCopy) return "Sent Items: mail sent on behalf of the mailbox is also kept in its Sent Items; mail sent as it is not.";
  return "Sent Items: mail sent as or on behalf of the mailbox stays only in the sender's own Sent Items.";
}

function accessReportText(data: AccessReportCardData): string {
  const sections = data.rights.map((section) => {
    const { shown } = capped(section.people, TEXT_ROWS_PER_RIGHT, TEXT_BYTES_PER_RIGHT);
    const hidden = section.count - shown.length;
    return [
      `${section.title}:`,
      section.hasPeople ? bullets(shown.map((row) => `${row.name}, ${row.how}`)) : '- nobody',
      hidden > 0 ? `and ${hidden} more` : '',
      section.groups,
    ]
      .filter(Boolean)
      .join('\n');
  });
  const warnings = data.warnings.length > 0 ? `Warnings:\n${bullets(data.warnings)}` : '';
  return [`Who can access ${data.mailbox}`, data.summary, ...sections, data.forwarding, data.sentItems, warnings].filter(Boolean).join('\n\n');
}
