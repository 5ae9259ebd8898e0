import type { AccessReport } from './access-report';
import { csvText } from './csv';

export type ReportFinding = 'external-forwarding' | 'no-owner' | 'unreachable' | 'sign-in-enabled' | 'orphaned-entry';

/** One shared mailbox in the tenant report. */
export interface ReportRow {
  readonly mailbox: string;
  readonly address: string;
  /** "Name <upn> right" or "Name <upn> right via Group > Subgroup". */
  readonly trustees: readonly string[];
  readonly forwarding?: string;
  readonly externalForwarding: boolean;
  readonly hidden: boolean;
  readonly signInEnabled?: boolean;
  readonly owners: number;
  /** Total size of its items in bytes; absent when Exchange gave none. */
  readonly sizeBytes?: number;
  readonly findings: readonly ReportFinding[];
}

/** What the summary card shows once the report is done. */
export interface ReportSummary {
  readonly mailboxes: number;
  readonly counts: Readonly<Record<ReportFinding, number>>;
  /** The most pressing findings, one line each. */
  readonly top: readonly string[];
  readonly url: string;
  readonly expiresAt: string;
}

export interface ReportProgress {
  /** True when this question started the report; false when it was already running. */
  readonly started: boolean;
  readonly done: number;
  /** Undefined until the mailboxes have been listed. */
  readonly total?: number;
  readonly startedAt: string;
  readonly requester: string;
}

/** What an unlicensed shared mailbox may hold. */
export const SHARED_MAILBOX_LIMIT_BYTES = 50 * 1024 ** 3;

export function reportRow(report: AccessReport, owners: number, sizeBytes?: number): ReportRow {
  const trustees = report.entries.map((e) => {
    const who = `${e.person.displayName} <${e.person.userPrincipalName}> ${e.right}`;
    return e.path.kind === 'group' ? `${who} via ${e.path.via.join(' > ')}` : who;
  });
  const external = report.forwarding?.external ?? false;
  const findings: ReportFinding[] = [];
  if (external) findings.push('external-forwarding');
  if (report.entries.length === 0) findings.push('unreachable');
  if (report.entries.length + report.groupGrants.length > 0 && owners === 0) findings.push('no-owner');
  if (report.accountEnabled === true) findings.push('sign-in-enabled');
  if (report.warnings.some((w) => w.code === 'orphaned-entry')) findings.push('orphaned-entry');
  return {
    mailbox: report.mailbox.displayName,
    address: report.mailbox.address,
    trustees,
    ...(report.forwarding ? { forwarding: report.forwarding.address } : {}),
    externalForwarding: external,
    hidden: report.mailbox.hiddenFromAddressLists,
    ...(report.accountEnabled === undefined ? {} : { signInEnabled: report.accountEnabled }),
    owners,
    ...(sizeBytes === undefined ? {} : { sizeBytes }),
    findings,
  };
}

const HEADER = ['mailbox', 'address', 'trustees', 'forwarding', 'external forwarding', 'hidden', 'sign-in enabled', 'owners in bot',
  'size GB', '% of 50 GB', 'findings'];
const yesNo = (value: boolean | undefined): string => (value === undefined ? '' : value ? 'yes' : 'no');
const gigabytes = (bytes: number | undefined): string => (bytes === undefined ? '' : (bytes / 1024 ** 3).toFixed(2));
const percentOfLimit = (bytes: number | undefined): string =>
  bytes === undefined ? '' : String(Math.round((bytes / SHARED_MAILBOX_LIMIT_BYTES) * 100));

export function reportCsv(rows: readonly ReportRow[]): string {
  return csvText(
    HEADER,
    rows.map((r) => [
      r.mailbox,
      r.address,
      r.trustees.join('; '),
      r.forwarding ?? '',
      yesNo(r.externalForwarding),
      yesNo(r.hidden),
      yesNo(r.signInEnabled),
      String(r.owners),
      gigabytes(r.sizeBytes),
      percentOfLimit(r.sizeBytes),
      r.findings.join('; '),
    ]),
  );
}

const ORDER: readonly ReportFinding[] = ['external-forwarding', 'unreachable', 'sign-in-enabled', 'orphaned-entry', 'no-owner'];
const SAYS: Record<ReportFinding, (r: ReportRow) => string> = {
  'external-forwarding': (r) => `${r.address} forwards outside the organisation to ${r.forwarding ?? ''}`,
  unreachable: (r) => `${r.address}: nobody can reach it`,
  'sign-in-enabled': (r) => `${r.address}: sign-in is allowed on its account`,
  'orphaned-entry': (r) => `${r.address} has permissions for deleted accounts`,
  'no-owner': (r) => `${r.address} has grants but no owner in the bot`,
};
const TOP = 8;

export function summariseReport(rows: readonly ReportRow[], url: string, expiresAt: string): ReportSummary {
  const counts = Object.fromEntries(ORDER.map((f) => [f, rows.filter((r) => r.findings.includes(f)).length])) as Record<ReportFinding, number>;
  const top = ORDER.flatMap((f) => rows.filter((r) => r.findings.includes(f)).map((r) => SAYS[f](r))).slice(0, TOP);
  return { mailboxes: rows.length, counts, top, url, expiresAt };
}
