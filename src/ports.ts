import type { ChangeRequest, AuditEntry, PrincipalRef, RequestStatus } from './domain/change-request';
import type { Group, GroupMember, Person, Trustee } from './domain/directory';
import type { Mailbox, MailboxAccess } from './domain/mailbox';
import type { MailboxOperation } from './domain/request-operations';
import type { AutoReplySetting } from './domain/setting-change';
import type { ReportSummary } from './domain/tenant-report';
import type { AccessReview } from './domain/access-review';

/**
 * Exchange Online as the bot needs it (the admin API's InvokeCommand). Implementations translate
 * service failures into AppError('unavailable' | 'not-found' | 'invalid').
 */
export interface Exchange {
  /** Mailboxes matching an address, alias or display name (ambiguous name resolution). */
  findMailboxes(query: string): Promise<readonly Mailbox[]>;
  /** The mailbox and every permission entry on it, in one round trip. Undefined when it does not exist. */
  readAccess(identity: string): Promise<MailboxAccess | undefined>;
  /**
   * `readAccess` for many mailboxes, batched and with bounded concurrency; missing ones are left out.
   * `withSize` adds each mailbox's size (Get-MailboxStatistics) inside the same batches, `withAccount` whether
   * its own account may sign in (Exchange's mirror of the directory's, saving a directory call per mailbox).
   */
  readAccessMany(identities: readonly string[], options?: ReadAccessOptions): Promise<readonly MailboxAccess[]>;
  listSharedMailboxes(): Promise<readonly Mailbox[]>;
  /** Runs one change. Idempotent: re-adding an existing grant or removing a missing one is a warning. */
  apply(operation: ExchangeOperation): Promise<ExchangeResult>;
  /** Total size of the mailbox's items in bytes (Get-MailboxStatistics); undefined when it does not exist. */
  mailboxSize(identity: string): Promise<number | undefined>;
}

export interface ReadAccessOptions {
  readonly withSize?: boolean;
  readonly withAccount?: boolean;
}

/** One Exchange call; the domain owns the shape so that requests can be planned without the port. */
export type ExchangeOperation = MailboxOperation;

export interface ExchangeResult {
  /** The cmdlet and parameters as sent, for the audit log. */
  readonly ran: string;
  readonly warnings: readonly string[];
}

/** The Entra directory through Microsoft Graph. */
export interface Directory {
  /** Users matching a UPN, mail, `alias@`, object id or display name (prefix); empty when none. */
  findPeople(query: string): Promise<readonly Person[]>;
  getPerson(id: string): Promise<Person | undefined>;
  /** Groups matching a mail address or display name. */
  findGroups(query: string): Promise<readonly Group[]>;
  /**
   * Resolves Exchange trustee names (UPN, group name, object id, SID) in one round trip; unknown ones are orphans.
   * `frugal` (bulk work such as the tenant report) spends fewer directory calls: an address that is no user's
   * UPN is looked up as a group's mail in a second round trip.
   */
  resolveTrustees(names: readonly string[], options?: { readonly frugal?: boolean }): Promise<ReadonlyMap<string, Trustee>>;
  /** Transitive user members of each group, with the chain of groups that brings each one in. */
  expandGroups(groupIds: readonly string[]): Promise<ReadonlyMap<string, readonly GroupMember[]>>;
  /** Ids of every group the user belongs to, transitively. */
  groupsOf(userId: string): Promise<readonly string[]>;
  /** Whether the account may sign in; undefined when there is no such account. */
  accountEnabled(id: string): Promise<boolean | undefined>;
  /** Blocks or allows sign-in (PATCH /users/{id} accountEnabled). */
  setAccountEnabled(id: string, enabled: boolean): Promise<void>;
  /** The mailbox's automatic replies; undefined when the account has no mailbox Graph can reach. */
  automaticReplies(id: string): Promise<AutoReplySetting | undefined>;
  /** PATCH /users/{id}/mailboxSettings automaticRepliesSetting, for internal and external senders alike. */
  setAutomaticReplies(id: string, setting: AutoReplySetting): Promise<void>;
}

export interface RequestFilter {
  readonly statuses?: readonly RequestStatus[];
  readonly approverId?: string;
  readonly mailboxId?: string;
  /** Requests whose result is recorded but not yet audited and told (their `followUp` claim is still set). */
  readonly awaitingFollowUp?: true;
}

/**
 * The bot's own state. Writes that carry a `version` are conditional: a stale one rejects with
 * AppError('conflict'). Never botbuilder BotState (last writer wins).
 */
export interface Store {
  createRequest(request: Omit<ChangeRequest, 'version'>): Promise<ChangeRequest>;
  getRequest(id: string): Promise<ChangeRequest | undefined>;
  /** Conditional on `request.version`; returns the stored request with its new version. */
  updateRequest(request: ChangeRequest): Promise<ChangeRequest>;
  listRequests(filter: RequestFilter): Promise<readonly ChangeRequest[]>;

  /**
   * Append-only; entries come back newest first. An entry with a `hash` is chained: it is appended only
   * when its `prevHash` is the mailbox's chain head, else AppError('conflict'), so two instances cannot
   * fork the chain. Appending an entry id that is already there does nothing.
   */
  appendAudit(entry: AuditEntry): Promise<void>;
  /** The hash of the mailbox's last chained entry; '' when it has none. */
  auditHead(mailboxId: string): Promise<string>;
  listAudit(mailboxId: string, limit: number): Promise<readonly AuditEntry[]>;

  getOwners(mailboxId: string): Promise<readonly PrincipalRef[]>;
  addOwner(mailboxId: string, owner: PrincipalRef): Promise<void>;
  removeOwner(mailboxId: string, ownerId: string): Promise<void>;

  /** What the bot last set for automapping of a user's Full Access (Exchange never reads it back). */
  recordAutomapping(mailboxId: string, userId: string, enabled: boolean): Promise<void>;
  forgetAutomapping(mailboxId: string, userId: string): Promise<void>;
  automappingOf(mailboxId: string): Promise<ReadonlyMap<string, boolean>>;

  /** Small JSON documents: settings, conversation references, card message ids, pending picks. */
  getDocument<T>(key: string): Promise<T | undefined>;
  putDocument<T>(key: string, value: T): Promise<void>;
  deleteDocument(key: string): Promise<void>;

  /** Takes or renews a named lease; true when `owner` holds it until now + ttl. */
  acquireLease(name: string, owner: string, ttlMs: number, now: Date): Promise<boolean>;
  releaseLease(name: string, owner: string): Promise<void>;

  close(): Promise<void>;
}

/** Tells people about requests. The Teams implementation sends and updates cards proactively. */
export interface Notifier {
  /**
   * Sends the approval card to the approvers (approvals channel, else each 1:1) and remembers the copies.
   * Resolves once delivery is under way; the requester is told if no approver could be reached.
   */
  askForApproval(request: ChangeRequest): Promise<void>;
  /** Updates every copy of the request's card and tells the requester what happened. */
  requestChanged(request: ChangeRequest): Promise<void>;
  /** Offers the trustee of a time-bound grant that ends soon a card to ask for an extension. */
  grantEnding(request: ChangeRequest): Promise<void>;
  /** Tells the trustee and the approver that a time-bound grant has ended. */
  grantEnded(request: ChangeRequest): Promise<void>;
  /** Posts the finished tenant report's summary to the admin who asked for it. */
  reportReady(userId: string, summary: ReportSummary): Promise<void>;
  /** Sends the review card to each reviewer's 1:1 chat; `reminder` when it is the one reminder of an unfinished review. */
  reviewAssigned(review: AccessReview, userIds: readonly string[], reminder: boolean): Promise<void>;
  /** Tells the admins (the approvals channel, else each 1:1) that a scheduled review is overdue. */
  reviewOverdue(review: AccessReview, adminIds: readonly string[]): Promise<void>;
}

export interface Clock {
  now(): Date;
}
