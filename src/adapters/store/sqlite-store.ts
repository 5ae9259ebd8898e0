import Database from 'better-sqlite3';
import type { AuditEntry, ChangeRequest, PrincipalRef } from '../../domain/change-request';
import type { RequestFilter, Store } from '../../ports';
import { sqliteCall, sqliteCode } from './sqlite-errors';
import { migrate } from './sqlite-schema';
import {
  checkLease,
  documentJson,
  duplicateRequest,
  instantMs,
  missingRequest,
  requestBody,
  staleChain,
  staleVersion,
} from './store-input';

export interface SqliteStoreOptions {
  /** How long a write waits for another process's lock before failing as 'unavailable'. */
  readonly busyTimeoutMs?: number;
}

interface RequestRow {
  readonly version: number;
  readonly body: string;
}

/** The embedded store: one SQLite file in WAL mode, safe to share between processes. */
export class SqliteStore implements Store {
  private readonly db: Database.Database;

  constructor(readonly path: string, options: SqliteStoreOptions = {}) {
    this.db = sqliteCall(() => new Database(path));
    try {
      sqliteCall(() => {
        this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
        this.db.pragma('journal_mode = WAL');
        this.db.pragma('synchronous = NORMAL');
        migrate(this.db);
      });
    } catch (err) {
      this.db.close();
      throw err;
    }
  }

  async createRequest(request: Omit<ChangeRequest, 'version'>): Promise<ChangeRequest> {
    const body = requestBody(request);
    try {
      this.run(
        'INSERT INTO requests (id, version, status, mailbox_id, created_at, body) VALUES (?, 1, ?, ?, ?, ?)',
        body.id, body.status, body.change.mailbox.id, body.createdAt, JSON.stringify(body),
      );
    } catch (err) {
      if (sqliteCode(err)?.startsWith('SQLITE_CONSTRAINT')) throw duplicateRequest(body.id);
      throw err;
    }
    return { ...body, version: '1' };
  }

  async getRequest(id: string): Promise<ChangeRequest | undefined> {
    const row = this.get<RequestRow>('SELECT version, body FROM requests WHERE id = ?', id);
    return row && toRequest(row);
  }

  async updateRequest(request: ChangeRequest): Promise<ChangeRequest> {
    const body = requestBody(request);
    const expected = /^\d{1,15}$/.test(request.version) ? Number(request.version) : undefined;
    const changed = expected !== undefined
      ? this.run(
          `UPDATE requests SET version = version + 1, status = ?, mailbox_id = ?, created_at = ?, body = ?
           WHERE id = ? AND version = ?`,
          body.status, body.change.mailbox.id, body.createdAt, JSON.stringify(body), body.id, expected,
        ).changes
      : 0;
    if (changed === 1 && expected !== undefined) return { ...body, version: String(expected + 1) };
    if (this.get('SELECT 1 FROM requests WHERE id = ?', body.id) === undefined) throw missingRequest(body.id);
    throw staleVersion(body.id);
  }

  async listRequests(filter: RequestFilter): Promise<readonly ChangeRequest[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.statuses !== undefined) {
      if (filter.statuses.length === 0) return [];
      where.push(`status IN (${filter.statuses.map(() => '?').join(', ')})`);
      params.push(...filter.statuses);
    }
    if (filter.mailboxId !== undefined) {
      where.push('mailbox_id = ?');
      params.push(filter.mailboxId);
    }
    if (filter.approverId !== undefined) {
      where.push("EXISTS (SELECT 1 FROM json_each(body, '$.approverIds') WHERE value = ?)");
      params.push(filter.approverId);
    }
    // Written exactly as in the requests_awaiting_follow_up index, so SQLite can use it.
    if (filter.awaitingFollowUp) where.push("json_extract(body, '$.followUp') IS NOT NULL");
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const sql = `SELECT version, body FROM requests ${clause} ORDER BY created_at, id`;
    return this.all<RequestRow>(sql, ...params).map(toRequest);
  }

  /** A second append of the same entry id (a resumed execution) keeps the first; IMMEDIATE serialises processes. */
  async appendAudit(entry: AuditEntry): Promise<void> {
    const atMs = instantMs(entry.at, 'Audit time');
    sqliteCall(() =>
      this.db.transaction(() => {
        if (this.get('SELECT 1 FROM audit WHERE mailbox_id = ? AND id = ?', entry.mailboxId, entry.id)) return;
        if (entry.hash !== undefined && (entry.prevHash ?? '') !== this.head(entry.mailboxId)) throw staleChain(entry.mailboxId);
        this.run('INSERT INTO audit (mailbox_id, id, at_ms, body) VALUES (?, ?, ?, ?)', entry.mailboxId, entry.id, atMs, JSON.stringify(entry));
      }).immediate(),
    );
  }

  async auditHead(mailboxId: string): Promise<string> {
    return this.head(mailboxId);
  }

  private head(mailboxId: string): string {
    const row = this.get<{ hash: string }>(
      "SELECT json_extract(body, '$.hash') AS hash FROM audit WHERE mailbox_id = ? AND json_extract(body, '$.hash') IS NOT NULL ORDER BY seq DESC LIMIT 1",
      mailboxId,
    );
    return row?.hash ?? '';
  }

  async listAudit(mailboxId: string, limit: number): Promise<readonly AuditEntry[]> {
    const rows = this.all<{ body: string }>(
      'SELECT body FROM audit WHERE mailbox_id = ? ORDER BY at_ms DESC, seq DESC LIMIT ?',
      mailboxId, Math.max(0, Math.floor(limit)),
    );
    return rows.map((row) => JSON.parse(row.body) as AuditEntry);
  }

  async getOwners(mailboxId: string): Promise<readonly PrincipalRef[]> {
    const rows = this.all<{ body: string }>('SELECT body FROM owners WHERE mailbox_id = ? ORDER BY rowid', mailboxId);
    return rows.map((row) => JSON.parse(row.body) as PrincipalRef);
  }

  async addOwner(mailboxId: string, owner: PrincipalRef): Promise<void> {
    this.run(
      'INSERT INTO owners (mailbox_id, owner_id, body) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET body = excluded.body',
      mailboxId, owner.id, JSON.stringify(owner),
    );
  }

  async removeOwner(mailboxId: string, ownerId: string): Promise<void> {
    this.run('DELETE FROM owners WHERE mailbox_id = ? AND owner_id = ?', mailboxId, ownerId);
  }

  async recordAutomapping(mailboxId: string, userId: string, enabled: boolean): Promise<void> {
    this.run(
      `INSERT INTO automapping (mailbox_id, user_id, enabled) VALUES (?, ?, ?)
       ON CONFLICT DO UPDATE SET enabled = excluded.enabled`,
      mailboxId, userId, enabled ? 1 : 0,
    );
  }

  async forgetAutomapping(mailboxId: string, userId: string): Promise<void> {
    this.run('DELETE FROM automapping WHERE mailbox_id = ? AND user_id = ?', mailboxId, userId);
  }

  async automappingOf(mailboxId: string): Promise<ReadonlyMap<string, boolean>> {
    const rows = this.all<{ user_id: string; enabled: number }>(
      'SELECT user_id, enabled FROM automapping WHERE mailbox_id = ?', mailboxId,
    );
    return new Map(rows.map((row) => [row.user_id, row.enabled === 1]));
  }

  async getDocument<T>(key: string): Promise<T | undefined> {
    const row = this.get<{ body: string }>('SELECT body FROM documents WHERE key = ?', key);
    return row && (JSON.parse(row.body) as T);
  }

  async putDocument<T>(key: string, value: T): Promise<void> {
    const json = documentJson(key, value);
    this.run(
      'INSERT INTO documents (key, body) VALUES (?, ?) ON CONFLICT DO UPDATE SET body = excluded.body',
      key, json,
    );
  }

  async deleteDocument(key: string): Promise<void> {
    this.run('DELETE FROM documents WHERE key = ?', key);
  }

  /** One statement: insert, or take over when the holder is us or its time is up. */
  async acquireLease(name: string, owner: string, ttlMs: number, now: Date): Promise<boolean> {
    checkLease(name, owner, ttlMs);
    const nowMs = now.getTime();
    const { changes } = this.run(
      `INSERT INTO leases (name, owner, until_ms) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, until_ms = excluded.until_ms
       WHERE leases.owner = excluded.owner OR leases.until_ms <= ?`,
      name, owner, nowMs + ttlMs, nowMs,
    );
    return changes === 1;
  }

  async releaseLease(name: string, owner: string): Promise<void> {
    this.run('DELETE FROM leases WHERE name = ? AND owner = ?', name, owner);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private run(sql: string, ...params: unknown[]): Database.RunResult {
    return sqliteCall(() => this.db.prepare(sql).run(...params));
  }

  private get<T>(sql: string, ...params: unknown[]): T | undefined {
    return sqliteCall(() => this.db.prepare(sql).get(...params) as T | undefined);
  }

  private all<T>(sql: string, ...params: unknown[]): T[] {
    return sqliteCall(() => this.db.prepare(sql).all(...params) as T[]);
  }
}

function toRequest(row: RequestRow): ChangeRequest {
  return { ...(JSON.parse(row.body) as Omit<ChangeRequest, 'version'>), version: String(row.version) };
}
