import reportTemplate from '../../cards/report.json';
import type { ReportProgress, ReportSummary } from '../domain/tenant-report';
import { instantText, plural } from './format';
import { render } from './render';
import type { View } from './view';

interface ReportCardData {
  readonly title: string;
  readonly body: string;
}

function reportView(title: string, lines: readonly string[]): View {
  const body = lines.join('\n\n');
  return { card: render<ReportCardData>(reportTemplate, { title, body }), text: `${title}\n\n${body}` };
}

/** The immediate answer to `report`: started now, or already under way. */
export function reportProgressView(progress: ReportProgress): View {
  const counted = progress.total === undefined ? 'listing the shared mailboxes' : `${progress.done} of ${progress.total} mailboxes read`;
  return progress.started
    ? reportView('Report started', [
        'I am reading every shared mailbox, its trustees, forwarding and flags. I will post the summary and a CSV download here when it is done.',
      ])
    : reportView('Report already running', [
        `${progress.requester} started it at ${instantText(progress.startedAt)}: ${counted}.`,
        'The summary is posted to them when it is done.',
      ]);
}

/** Posted when the report is done: counts, the most pressing findings, and the CSV behind a signed link. */
export function reportSummaryView(summary: ReportSummary): View {
  const { counts } = summary;
  const lines = [
    `${plural(summary.mailboxes, 'shared mailbox', 'shared mailboxes')} read.`,
    [
      `- External forwarding: ${counts['external-forwarding']}`,
      `- Nobody can reach: ${counts.unreachable}`,
      `- Sign-in allowed: ${counts['sign-in-enabled']}`,
      `- Permissions for deleted accounts: ${counts['orphaned-entry']}`,
      `- Grants but no owner in the bot: ${counts['no-owner']}`,
    ].join('\n'),
    ...(summary.top.length > 0 ? [['Top findings:', ...summary.top.map((t) => `- ${t}`)].join('\n')] : []),
    `[Download the CSV](${summary.url})`,
    `The link works until ${instantText(summary.expiresAt)}; anyone holding it can download the file, so do not forward it.`,
  ];
  return reportView('Shared mailbox report', lines);
}
