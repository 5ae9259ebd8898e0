import type { Outcome } from '../../src/app/outcome';
import type { AccessReview } from '../../src/domain/access-review';
import type { Plan, ReachableMailbox } from '../../src/app/outcome';
import type { AccessEntry, AccessReport } from '../../src/domain/access-report';
import type { AuditEntry, ChangeRequest, MailboxRef, PrincipalRef } from '../../src/domain/change-request';
import type { Group, Person } from '../../src/domain/directory';
import type { Candidate } from '../../src/domain/errors';
import type { Mailbox } from '../../src/domain/mailbox';

export const person = (name: string, id: string, accountEnabled = true): Person => {
  const alias = name.split(' ')[0]!.toLowerCase();
  return { id, displayName: name, userPrincipalName: `${alias}@contoso.com`, mail: `${alias}@contoso.com`, accountEnabled };
};

export const ref = (p: Person): PrincipalRef => ({ kind: 'user', id: p.id, displayName: p.displayName, address: p.userPrincipalName });

export const ann = person('Ann Lee', 'u-ann');
export const bob = person('Bob Jones', 'u-bob');
export const dana = person('Dana Park', 'u-dana');
export const erik = person('Erik Olsen', 'u-erik', false);
export const sales: Group = { id: 'g-sales', displayName: 'Sales', mail: 'sales@contoso.com', securityEnabled: true, mailEnabled: true };

export const infoMailbox: Mailbox = {
  id: 'm-info',
  displayName: 'Info',
  address: 'info@contoso.com',
  kind: 'shared',
  hiddenFromAddressLists: true,
  forwardingSmtpAddress: 'archive@fabrikam.com',
  deliverToMailboxAndForward: true,
  messageCopyForSentAsEnabled: false,
  messageCopyForSendOnBehalfEnabled: false,
};

export const info: MailboxRef = { id: infoMailbox.id, displayName: infoMailbox.displayName, address: infoMailbox.address };

export const report: AccessReport = {
  mailbox: infoMailbox,
  accountEnabled: true,
  entries: [
    { right: 'full-access', person: ann, path: { kind: 'direct' }, automapping: 'on' },
    { right: 'full-access', person: bob, path: { kind: 'group', via: ['Sales', 'Sales EMEA'] }, automapping: 'not-applicable' },
    { right: 'full-access', person: dana, path: { kind: 'direct' }, automapping: 'unknown' },
    { right: 'send-as', person: ann, path: { kind: 'direct' }, automapping: 'not-applicable' },
  ],
  groupGrants: [{ right: 'full-access', group: sales, memberCount: 12 }],
  forwarding: { address: 'archive@fabrikam.com', external: true, keepsCopy: true },
  warnings: [
    { code: 'hidden-from-address-lists' },
    { code: 'sign-in-enabled' },
    { code: 'deny-entry', right: 'send-as', trustee: 'carol@contoso.com' },
    { code: 'disabled-trustee', right: 'full-access', person: erik },
    { code: 'orphaned-entry', right: 'full-access', trustee: 'S-1-5-21-1004336348-1177238915-682003330-512' },
    { code: 'external-forwarding', address: 'archive@fabrikam.com' },
  ],
};

/** A report for a mailbox granted to a 500-member group with every right. */
export function bigReport(members = 500): AccessReport {
  const people = Array.from({ length: members }, (_, i) => person(`Member ${String(i).padStart(3, '0')} Example-Longname`, `u-m${i}`));
  const rights = ['full-access', 'send-as', 'send-on-behalf'] as const;
  const entries: AccessEntry[] = rights.flatMap((right) =>
    people.map((p) => ({ right, person: p, path: { kind: 'group', via: ['All Staff', 'Sales', 'Sales EMEA'] }, automapping: 'not-applicable' }) as const),
  );
  const groupGrants = rights.map((right) => ({ right, group: sales, memberCount: members }));
  return { ...report, entries, groupGrants };
}

const base: ChangeRequest = {
  id: 'req-1001',
  change: { kind: 'grant', mailbox: info, trustee: ref(bob), rights: ['full-access', 'send-as'], automapping: true, until: '2026-12-25T00:00:00Z' },
  requester: ref(ann),
  reason: 'covering support',
  approverIds: [dana.id, 'u-owner2'],
  status: 'pending',
  createdAt: '2026-11-25T09:00:00Z',
  expiresAt: '2026-12-02T09:00:00Z',
  version: '1',
};

export const requestIn = (status: ChangeRequest['status'], extra: Partial<ChangeRequest> = {}): ChangeRequest => ({
  ...base,
  status,
  ...extra,
});

export const approvedByDana = { verdict: 'approved', by: ref(dana), at: '2026-11-25T10:00:00Z' } as const;

export const requests = {
  pending: requestIn('pending'),
  executing: requestIn('executing', { decision: approvedByDana }),
  done: requestIn('done', {
    decision: approvedByDana,
    result: { at: '2026-11-25T10:00:05Z', ok: true, steps: ['Add-MailboxPermission: ok', 'Add-RecipientPermission: ok'], warnings: ['Bob Jones already had Send As.'] },
  }),
  failed: requestIn('failed', {
    decision: approvedByDana,
    result: { at: '2026-11-25T10:00:05Z', ok: false, steps: [], warnings: [], error: 'Exchange was unavailable (503)' },
  }),
  rejected: requestIn('rejected', { decision: { verdict: 'rejected', by: ref(dana), at: '2026-11-25T10:00:00Z', reason: 'Use the support queue instead' } }),
  cancelled: requestIn('cancelled', { decision: { verdict: 'cancelled', by: ref(ann), at: '2026-11-25T10:00:00Z' } }),
  expired: requestIn('expired'),
  revoked: requestIn('revoked', { decision: approvedByDana }),
  removal: requestIn('pending', { change: { kind: 'revoke', mailbox: info, trustee: ref(bob), rights: ['send-as'] } }),
  toGroup: requestIn('pending', {
    change: { kind: 'grant', mailbox: info, trustee: { kind: 'group', id: sales.id, displayName: 'Sales', address: 'sales@contoso.com' }, rights: ['full-access'], automapping: true },
  }),
};

export const plan: Plan = {
  rights: ['full-access'],
  unchanged: ['send-as'],
  effects: ['Bob Jones gets Full Access.', "Info appears in Bob Jones's Outlook within 60 minutes."],
  warnings: ['The mailbox is hidden from address lists, so Bob may not find it in Outlook.'],
};

export const reachable: readonly ReachableMailbox[] = [
  { mailbox: infoMailbox, rights: [{ right: 'full-access', path: { kind: 'direct' } }, { right: 'send-as', path: { kind: 'group', via: ['Sales'] } }] },
  { mailbox: { ...infoMailbox, id: 'm-billing', displayName: 'Billing', address: 'billing@contoso.com' }, rights: [{ right: 'send-on-behalf', path: { kind: 'direct' } }] },
];

export const auditEntries: readonly AuditEntry[] = [
  { id: 'a2', at: '2026-11-25T10:00:05Z', mailboxId: info.id, mailboxAddress: info.address, requestId: 'req-1001', actor: ref(dana), action: 'executed', detail: 'Add-MailboxPermission -User bob@contoso.com -AccessRights FullAccess', outcome: 'ok' },
  { id: 'a1', at: '2026-11-25T09:00:00Z', mailboxId: info.id, mailboxAddress: info.address, requestId: 'req-1001', actor: ref(ann), action: 'requested', detail: 'Give Bob Jones Full Access, Send As', outcome: 'info' },
  { id: 'a0', at: '2026-11-24T09:00:00Z', mailboxId: info.id, mailboxAddress: info.address, actor: ref(dana), action: 'executed', detail: 'Remove-RecipientPermission failed', outcome: 'failed' },
];

export const candidates: readonly Candidate[] = [
  { id: '5f1c2b7e-0c1d-4e8a-9b3f-1a2b3c4d5e01', label: 'Bob Jones', detail: 'bob@contoso.com · Sales' },
  { id: '5f1c2b7e-0c1d-4e8a-9b3f-1a2b3c4d5e02', label: 'Bob Jonas', detail: 'bob.jonas@contoso.com · Finance' },
];

/** An open review of the report above: Ann directly, Sales as a group with its members. */
export const openReview: AccessReview = {
  id: 'rev-1',
  mailbox: info,
  reviewerIds: [dana.id],
  startedBy: ref(dana),
  scheduled: true,
  startedAt: '2026-11-25T09:00:00Z',
  remindAt: '2026-11-28T21:00:00Z',
  dueAt: '2026-12-02T09:00:00Z',
  entries: [
    { trustee: ref(ann), rights: ['full-access', 'send-as'], members: [] },
    { trustee: { ...ref(erik), displayName: 'Erik Olsen (account disabled)' }, rights: ['send-on-behalf'], members: [] },
    {
      trustee: { kind: 'group', id: sales.id, displayName: sales.displayName, address: sales.mail! },
      rights: ['full-access'],
      members: [bob, dana].map((p) => ({ displayName: p.displayName, address: p.userPrincipalName })),
    },
  ],
  status: 'open',
};

/** The open review with `count` direct trustees named `<name> <n>`, users and groups in turn as above. */
export function bigReview(count: number, name: string): AccessReview {
  const entries = Array.from({ length: count }, (_, i) => {
    const entry = openReview.entries[i % openReview.entries.length]!;
    return { ...entry, trustee: { ...entry.trustee, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, displayName: `${name} ${i}` } };
  });
  return { ...openReview, entries };
}

export const submittedReview: AccessReview = {
  ...openReview,
  status: 'submitted',
  submittedBy: ref(dana),
  submittedAt: '2026-11-26T09:00:00Z',
  removeIds: [ann.id],
};

type OutcomeOf<K extends Outcome['kind']> = Extract<Outcome, { kind: K }>;

/** One realistic outcome of every kind; a new kind fails to compile until it is added here. */
export const outcomes: { readonly [K in Outcome['kind']]: OutcomeOf<K> } = {
  help: { kind: 'help', isAdmin: true, isApprover: true, notUnderstood: 'gimme info' },
  'access-report': { kind: 'access-report', report },
  'my-mailboxes': { kind: 'my-mailboxes', person: ref(ann), mailboxes: reachable },
  pick: { kind: 'pick', question: 'Which Bob do you mean?', pending: 'pend-7', candidates },
  'request-created': { kind: 'request-created', request: requests.pending, plan },
  'request-status': { kind: 'request-status', request: requests.pending, viewer: 'approver', notice: 'Already approved by Dana Park' },
  'pending-list': { kind: 'pending-list', requests: [requests.pending, requests.removal] },
  history: { kind: 'history', mailbox: info, entries: auditEntries },
  owners: { kind: 'owners', mailbox: info, owners: [ref(dana)] },
  notice: { kind: 'notice', text: 'Approvals for mailboxes without owners now come to this channel.' },
  'report-progress': { kind: 'report-progress', progress: { started: false, done: 200, total: 1400, startedAt: '2026-11-25T09:00:00Z', requester: 'Dana Park' } },
  'mailbox-settings': {
    kind: 'mailbox-settings',
    canAdminister: true,
    settings: {
      mailbox: infoMailbox,
      sizeBytes: 13_314_398_617,
      forwarding: { address: 'archive@fabrikam.com', external: true, keepsCopy: true },
      signInEnabled: true,
      autoReply: { status: 'scheduled', message: 'We are closed until Monday.', start: '2026-11-25T12:00:00.000Z', end: '2026-12-01T23:59:59.000Z' },
    },
  },
  diagnosis: {
    kind: 'diagnosis',
    mailbox: info,
    person: ref(bob),
    findings: [
      { code: 'group-only', groups: ['Sales'], action: 'request-full-access' },
      { code: 'hidden-from-address-lists' },
      { code: 'forwarding-without-copy', address: 'archive@fabrikam.com' },
    ],
  },
  'audit-check': {
    kind: 'audit-check',
    results: [
      { mailbox: info, check: { checked: 3, unchained: 0, broken: { entryId: 'a-2', at: '2026-11-20T10:00:00.000Z', reason: 'it was edited' } } },
    ],
  },
  'access-review': { kind: 'access-review', review: openReview, removals: [] },
  'export-ready': { kind: 'export-ready', scope: 'all mailboxes', rows: 12, url: 'https://bot.contoso.com/exports/x1?exp=1&sig=s', expiresAt: '2026-11-25T15:00:00.000Z' },
};
