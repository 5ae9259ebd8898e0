import type { AccessReport } from '../domain/access-report';
import type { AuditEntry, ChangeRequest, MailboxRef, PrincipalRef } from '../domain/change-request';
import type { Candidate } from '../domain/errors';
import type { RequestPlan } from '../domain/request-plan';
import type { Mailbox, Right } from '../domain/mailbox';
import type { Path } from '../domain/access-report';
import type { MailboxSettings } from '../domain/mailbox-settings';
import type { ChainCheck } from '../domain/audit-chain';
import type { Finding } from '../domain/diagnose';
import type { ReportProgress } from '../domain/tenant-report';
import type { AccessReview } from '../domain/access-review';

/** One mailbox's audit chain, as `verify history` found it. */
export interface AuditCheckResult {
  readonly mailbox: MailboxRef;
  readonly check: ChainCheck;
}

/** What the viewer of a request card may do; decides which buttons the card shows. */
export type Viewer = 'approver' | 'requester' | 'other';

/** A plan preview: what will change and what the person will notice. */
export type Plan = RequestPlan;

export interface ReachableMailbox {
  readonly mailbox: Mailbox;
  readonly rights: readonly { readonly right: Right; readonly path: Path }[];
}

/** What a use case answers; views turn it into cards, the bot into activities. */
export type Outcome =
  | { readonly kind: 'help'; readonly isAdmin: boolean; readonly isApprover: boolean; readonly notUnderstood?: string }
  | { readonly kind: 'access-report'; readonly report: AccessReport }
  | { readonly kind: 'my-mailboxes'; readonly person: PrincipalRef; readonly mailboxes: readonly ReachableMailbox[] }
  | { readonly kind: 'pick'; readonly question: string; readonly pending: string; readonly candidates: readonly Candidate[] }
  | { readonly kind: 'request-created'; readonly request: ChangeRequest; readonly plan: Plan }
  | { readonly kind: 'request-status'; readonly request: ChangeRequest; readonly viewer: Viewer; readonly notice?: string }
  | { readonly kind: 'pending-list'; readonly requests: readonly ChangeRequest[] }
  | { readonly kind: 'history'; readonly mailbox: MailboxRef; readonly entries: readonly AuditEntry[]; readonly since?: string }
  | { readonly kind: 'owners'; readonly mailbox: MailboxRef; readonly owners: readonly PrincipalRef[] }
  | { readonly kind: 'notice'; readonly text: string }
  /** `canAdminister`: the viewer is an admin, so the card offers the admin-only changes too. */
  | { readonly kind: 'mailbox-settings'; readonly settings: MailboxSettings; readonly canAdminister: boolean }
  | { readonly kind: 'diagnosis'; readonly mailbox: MailboxRef; readonly person: PrincipalRef; readonly findings: readonly Finding[] }
  | { readonly kind: 'audit-check'; readonly results: readonly AuditCheckResult[] }
  | { readonly kind: 'export-ready'; readonly scope: string; readonly rows: number; readonly url: string; readonly expiresAt: string }
  | { readonly kind: 'report-progress'; readonly progress: ReportProgress }
  /** An access review: open (Keep/Remove per trustee) or as submitted, with the removal requests it filed. */
  | { readonly kind: 'access-review'; readonly review: AccessReview; readonly removals: readonly ReviewRemoval[]; readonly notice?: string };

/** What became of one trustee the review chose to remove. */
export interface ReviewRemoval {
  readonly trustee: PrincipalRef;
  /** The removal request; absent when none could be filed (nobody else may approve the reviewer's own removal). */
  readonly request?: ChangeRequest;
}
