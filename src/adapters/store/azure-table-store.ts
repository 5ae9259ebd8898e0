import { randomUUID } from 'node:crypto';
import { odata, TableClient, type TableEntity, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import type { AuditEntry, ChangeRequest, PrincipalRef } from '../../domain/change-request';
import { AppError } from '../../domain/errors';
import type { RequestFilter, Store } from '../../ports';
import type { RetryPolicy } from '../retry/retry-policy';
import { ATTEMPT_TIMEOUT_MS, TableCalls } from './azure-calls';
import { AzureDocuments } from './azure-documents';
import { appendSequence, approverFlag, fromJsonChunks, jsonChunks, newestFirst, tableKey } from './azure-keys';
import {
  checkLease,
  duplicateRequest,
  instantMs,
  missingRequest,
  requestBody,
  staleChain,
  staleVersion,
} from './store-input';

export interface AzureTableStoreOptions {
  /** Prepended to every table name, so several bots (or test runs) can share one account. */
  readonly tablePrefix?: string;
  /** Plain HTTP; only for the local Azurite emulator. */
  readonly allowInsecureConnection?: boolean;
  /** Retries on throttling, 5xx and lost connections before a call fails as 'unavailable' (default STORAGE_RETRY). */
  readonly retry?: RetryPolicy;
  /** How long one attempt may go unanswered before it counts as a lost connection. */
  readonly attemptTimeoutMs?: number;
}

type Row = TableEntityResult<Record<string, unknown>>;
type Tables = Record<(typeof TABLES)[number], TableClient>;

const TABLES = ['requests', 'audit', 'owners', 'automapping', 'documents', 'leases'] as const;
const REQUEST_ROW = 'request';
const LEASE_PARTITION = 'lease';
const AUDIT_TIME_ROW = 't';
const AUDIT_ID_ROW = 'i';
const AUDIT_HEAD_ROW = 'h';

/** The scale-out store: Azure Table Storage, with ETags making every decision a conditional write. */
export class AzureTableStore implements Store {
  private readonly documents: AzureDocuments;

  private constructor(private readonly tables: Tables, private readonly calls: TableCalls) {
    this.documents = new AzureDocuments(tables.documents, calls);
  }

  static async open(connectionString: string, options: AzureTableStoreOptions = {}): Promise<AzureTableStore> {
    const prefix = options.tablePrefix ?? 'mailboxbot';
    const clientOptions = { allowInsecureConnection: options.allowInsecureConnection ?? false };
    const calls = new TableCalls(options.retry);
    const tables = Object.fromEntries(
      TABLES.map((name) => {
        const tableName = `${prefix}${name}`;
        if (!/^[A-Za-z][A-Za-z0-9]{2,62}$/.test(tableName)) {
          throw new AppError('invalid', `"${tableName}" is not a valid table name (letters and digits, 3–63 long).`);
        }
        const client = TableClient.fromConnectionString(connectionString, tableName, clientOptions);
        return [name, calls.prepare(client, options.attemptTimeoutMs ?? ATTEMPT_TIMEOUT_MS)];
      }),
    ) as Tables;
    await calls.run(() => Promise.all(Object.values(tables).map((table) => table.createTable())));
    return new AzureTableStore(tables, calls);
  }

  async createRequest(request: Omit<ChangeRequest, 'version'>): Promise<ChangeRequest> {
    const body = requestBody(request);
    const entity = requestEntity(body);
    const created = await this.calls.writeOnce(this.tables.requests, entity, [409], () => this.tables.requests.createEntity(entity));
    if ('refusedWith' in created) throw duplicateRequest(body.id);
    return { ...body, version: created.etag };
  }

  async getRequest(id: string): Promise<ChangeRequest | undefined> {
    const row = await this.find(this.tables.requests, tableKey(id), REQUEST_ROW);
    return row && toRequest(row);
  }

  async updateRequest(request: ChangeRequest): Promise<ChangeRequest> {
    const body = requestBody(request);
    const entity = requestEntity(body);
    const updated = await this.calls.writeOnce(this.tables.requests, entity, [404, 412], () =>
      this.tables.requests.updateEntity(entity, 'Replace', { etag: request.version }),
    );
    if ('etag' in updated) return { ...body, version: updated.etag };
    throw updated.refusedWith === 404 ? missingRequest(body.id) : staleVersion(body.id);
  }

  async listRequests(filter: RequestFilter): Promise<readonly ChangeRequest[]> {
    const clauses: string[] = [];
    if (filter.statuses !== undefined) {
      if (filter.statuses.length === 0) return [];
      clauses.push(`(${filter.statuses.map((status) => odata`status eq ${status}`).join(' or ')})`);
    }
    if (filter.mailboxId !== undefined) clauses.push(odata`mailboxId eq ${filter.mailboxId}`);
    if (filter.approverId !== undefined) clauses.push(`${approverFlag(filter.approverId)} eq true`);
    if (filter.awaitingFollowUp) clauses.push('followUpPending eq true');
    const rows = await this.query(this.tables.requests, clauses.join(' and '));
    return rows
      .map(toRequest)
      .filter((request) => filter.approverId === undefined || request.approverIds.includes(filter.approverId))
      .sort((a, b) => (a.createdAt === b.createdAt ? compare(a.id, b.id) : compare(a.createdAt, b.createdAt)));
  }

  /**
   * The id row and the time row go in one transaction: a second append of the same id keeps the first.
   * A chained entry also moves the head row, conditional on its ETag, so of two racing appends one wins.
   */
  async appendAudit(entry: AuditEntry): Promise<void> {
    const partitionKey = tableKey(entry.mailboxId);
    const when = `${newestFirst(instantMs(entry.at, 'Audit time'))}_${newestFirst(appendSequence())}`;
    const idRow = { partitionKey, rowKey: `${AUDIT_ID_ROW}${tableKey(entry.id)}`, timeRow: when };
    const body = jsonChunks(JSON.stringify(entry), 'Audit entry');
    const timeRow = { partitionKey, rowKey: `${AUDIT_TIME_ROW}${when}`, ...body };
    const actions: TransactionAction[] = [
      ['create', idRow],
      ['create', timeRow],
    ];
    if (entry.hash !== undefined) {
      // Both rows are read at once (one round trip, not two, on every chained append); the head is only used
      // when the entry is not there yet, and its failure counts only then.
      const existing = this.find(this.tables.audit, partitionKey, idRow.rowKey);
      const headRead = this.find(this.tables.audit, partitionKey, AUDIT_HEAD_ROW);
      headRead.catch(() => undefined);
      if (await existing) return;
      const head = await headRead;
      if ((entry.prevHash ?? '') !== String(head?.['hash'] ?? '')) throw staleChain(entry.mailboxId);
      const headRow = { partitionKey, rowKey: AUDIT_HEAD_ROW, hash: entry.hash };
      actions.push(head ? ['update', headRow, 'Replace', { etag: head.etag }] : ['create', headRow]);
    }
    // A retry of a transaction that landed unseen is refused too; finding our id row below then counts as success.
    const outcome = await this.calls.expecting([409, 412], 'refused', () => this.tables.audit.submitTransaction(actions));
    if (outcome !== 'refused' || entry.hash === undefined) return;
    if (await this.find(this.tables.audit, partitionKey, idRow.rowKey)) return;
    throw staleChain(entry.mailboxId);
  }

  async auditHead(mailboxId: string): Promise<string> {
    const head = await this.find(this.tables.audit, tableKey(mailboxId), AUDIT_HEAD_ROW);
    return String(head?.['hash'] ?? '');
  }

  async listAudit(mailboxId: string, limit: number): Promise<readonly AuditEntry[]> {
    const wanted = Math.max(0, Math.floor(limit));
    if (wanted === 0) return [];
    const filter = odata`PartitionKey eq ${tableKey(mailboxId)} and RowKey gt ${AUDIT_TIME_ROW} and RowKey lt ${'u'}`;
    return this.calls.run(async () => {
      const entries: AuditEntry[] = [];
      const query = this.tables.audit.listEntities({ queryOptions: { filter } });
      const pages = query.byPage({ maxPageSize: Math.min(wanted, 1000) });
      for await (const page of pages) {
        for (const row of page) if (entries.length < wanted) entries.push(fromJsonChunks<AuditEntry>(row));
        if (entries.length >= wanted) break;
      }
      return entries;
    });
  }

  async getOwners(mailboxId: string): Promise<readonly PrincipalRef[]> {
    const rows = await this.query(this.tables.owners, odata`PartitionKey eq ${tableKey(mailboxId)}`);
    return rows.map((row) => JSON.parse(String(row['owner'])) as PrincipalRef);
  }

  async addOwner(mailboxId: string, owner: PrincipalRef): Promise<void> {
    const entity = { partitionKey: tableKey(mailboxId), rowKey: tableKey(owner.id), owner: JSON.stringify(owner) };
    await this.calls.run(() => this.tables.owners.upsertEntity(entity, 'Replace'));
  }

  async removeOwner(mailboxId: string, ownerId: string): Promise<void> {
    await this.remove(this.tables.owners, tableKey(mailboxId), tableKey(ownerId));
  }

  async recordAutomapping(mailboxId: string, userId: string, enabled: boolean): Promise<void> {
    const entity = { partitionKey: tableKey(mailboxId), rowKey: tableKey(userId), userId, enabled };
    await this.calls.run(() => this.tables.automapping.upsertEntity(entity, 'Replace'));
  }

  async forgetAutomapping(mailboxId: string, userId: string): Promise<void> {
    await this.remove(this.tables.automapping, tableKey(mailboxId), tableKey(userId));
  }

  async automappingOf(mailboxId: string): Promise<ReadonlyMap<string, boolean>> {
    const rows = await this.query(this.tables.automapping, odata`PartitionKey eq ${tableKey(mailboxId)}`);
    return new Map(rows.map((row) => [String(row['userId']), row['enabled'] === true]));
  }

  async getDocument<T>(key: string): Promise<T | undefined> {
    return this.documents.get<T>(key);
  }

  async putDocument<T>(key: string, value: T): Promise<void> {
    await this.documents.put(key, value);
  }

  async deleteDocument(key: string): Promise<void> {
    await this.documents.delete(key);
  }

  /** Insert when free; otherwise an ETag-conditional takeover, so of two contenders only one succeeds. */
  async acquireLease(name: string, owner: string, ttlMs: number, now: Date): Promise<boolean> {
    checkLease(name, owner, ttlMs);
    const untilMs = now.getTime() + ttlMs;
    const entity = { partitionKey: LEASE_PARTITION, rowKey: tableKey(name), owner, untilMs, writeId: randomUUID() };
    const leases = this.tables.leases;
    const current = await this.find(leases, LEASE_PARTITION, entity.rowKey);
    if (current === undefined) {
      return 'etag' in (await this.calls.writeOnce(leases, entity, [409], () => leases.createEntity(entity)));
    }
    if (current['owner'] !== owner && Number(current['untilMs']) > now.getTime()) return false;
    const outcome = await this.calls.writeOnce(leases, entity, [404, 412], () =>
      leases.updateEntity(entity, 'Replace', { etag: current.etag }),
    );
    return 'etag' in outcome;
  }

  async releaseLease(name: string, owner: string): Promise<void> {
    const current = await this.find(this.tables.leases, LEASE_PARTITION, tableKey(name));
    if (current === undefined || current['owner'] !== owner) return;
    await this.calls.expecting([404, 412], undefined, () =>
      this.tables.leases.deleteEntity(LEASE_PARTITION, tableKey(name), { etag: current.etag }),
    );
  }

  async close(): Promise<void> {}

  private async find(table: TableClient, partitionKey: string, rowKey: string): Promise<Row | undefined> {
    return this.calls.expecting([404], undefined, () => table.getEntity<Record<string, unknown>>(partitionKey, rowKey));
  }

  private async remove(table: TableClient, partitionKey: string, rowKey: string): Promise<void> {
    await this.calls.expecting([404], undefined, () => table.deleteEntity(partitionKey, rowKey));
  }

  private async query(table: TableClient, filter: string): Promise<Row[]> {
    return this.calls.run(async () => {
      const rows: Row[] = [];
      const queryOptions = filter.length > 0 ? { filter } : {};
      for await (const row of table.listEntities<Record<string, unknown>>({ queryOptions })) rows.push(row);
      return rows;
    });
  }
}

/** An entity holds at most 252 properties; the rest carry the status, mailbox, follow-up flag and body. */
const MAX_APPROVERS = 200;

function requestEntity(body: Omit<ChangeRequest, 'version'>): TableEntity<Record<string, unknown>> & { writeId: string } {
  if (body.approverIds.length > MAX_APPROVERS) {
    const count = body.approverIds.length;
    const message = `Request ${body.id} names ${count} approvers; at most ${MAX_APPROVERS} are supported.`;
    throw new AppError('invalid', message);
  }
  const flags = Object.fromEntries(body.approverIds.map((id) => [approverFlag(id), true]));
  return {
    partitionKey: tableKey(body.id),
    rowKey: REQUEST_ROW,
    writeId: randomUUID(),
    status: body.status,
    mailboxId: body.change.mailbox.id,
    createdAt: body.createdAt,
    // A filterable copy of "followUp is set"; rows written before it existed lack it and never match.
    followUpPending: body.followUp !== undefined,
    ...flags,
    ...jsonChunks(JSON.stringify(body), `Request ${body.id}`),
  };
}

function toRequest(row: Row): ChangeRequest {
  return { ...fromJsonChunks<Omit<ChangeRequest, 'version'>>(row), version: row.etag };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
