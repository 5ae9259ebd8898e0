import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from '../../../src/adapters/store/sqlite-schema';
import { SqliteStore } from '../../../src/adapters/store/sqlite-store';
import { AppError } from '../../../src/domain/errors';
import { aRequest } from './store-fixtures';
import { storeContract } from './store.contract';

describe('SqliteStore', () => {
  let dir: string;
  let files = 0;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sqlite-store-test-'));
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const freshFile = (): string => join(dir, `store-${(files += 1)}.sqlite`);

  storeContract(async () => {
    const path = freshFile();
    return { store: new SqliteStore(path), second: async () => new SqliteStore(path) };
  });

  it('keeps its data when the file is opened again', async () => {
    const path = freshFile();
    const first = new SqliteStore(path);
    const created = await first.createRequest(aRequest());
    await first.close();
    const reopened = new SqliteStore(path);
    assert.deepEqual(await reopened.getRequest(created.id), created);
    await reopened.close();
  });

  it('uses WAL and records the schema version when it creates a file', async () => {
    const path = freshFile();
    await new SqliteStore(path).close();
    const raw = new Database(path, { readonly: true });
    assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
    assert.deepEqual(raw.prepare('SELECT version FROM schema_version').all(), [{ version: SCHEMA_VERSION }]);
    raw.close();
  });

  it('keeps its requests and indexes unfinished follow-ups when a schema 1 file is opened', async () => {
    const path = freshFile();
    const first = new SqliteStore(path);
    const followUp = { leaseOwner: 'instance-a', leaseUntil: '2026-01-02T00:01:00.000Z' };
    const untold = await first.createRequest(aRequest({ status: 'done', followUp }));
    await first.close();
    const raw = new Database(path);
    raw.exec('DROP INDEX requests_awaiting_follow_up; UPDATE schema_version SET version = 1');
    raw.close();

    const upgraded = new SqliteStore(path);
    assert.deepEqual(await upgraded.listRequests({ statuses: ['done', 'failed'], awaitingFollowUp: true }), [untold]);
    await upgraded.close();
    const check = new Database(path, { readonly: true });
    const plan = check
      .prepare(`EXPLAIN QUERY PLAN SELECT version, body FROM requests
        WHERE status IN ('done', 'failed') AND json_extract(body, '$.followUp') IS NOT NULL ORDER BY created_at, id`)
      .all() as { detail: string }[];
    assert.ok(plan.some((step) => step.detail.includes('requests_awaiting_follow_up')), JSON.stringify(plan));
    assert.deepEqual(check.prepare('SELECT version FROM schema_version').all(), [{ version: SCHEMA_VERSION }]);
    check.close();
  });

  it('refuses with unavailable when the file was written by a newer schema', () => {
    const path = freshFile();
    const raw = new Database(path);
    raw.exec('CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (99)');
    raw.close();
    assert.throws(() => new SqliteStore(path), (err: unknown) => err instanceof AppError && err.code === 'unavailable');
  });

  it('rejects with unavailable when another process holds the write lock past the busy timeout', async () => {
    const path = freshFile();
    const store = new SqliteStore(path, { busyTimeoutMs: 50 });
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    try {
      await assert.rejects(
        store.createRequest(aRequest()),
        (err: unknown) => err instanceof AppError && err.code === 'unavailable' && err.cause !== undefined,
      );
    } finally {
      other.exec('ROLLBACK');
      other.close();
      await store.close();
    }
  });

  it('loses no update when two processes race conditional writes on one file', async () => {
    const path = freshFile();
    const store = new SqliteStore(path);
    const created = await store.createRequest(aRequest());
    const args = ['--require', 'tsx/cjs', join(__dirname, 'sqlite-racer.ts'), path, created.id, '1000'];
    const racer = async (): Promise<{ wins: number; conflicts: number }> =>
      JSON.parse((await promisify(execFile)(process.execPath, args)).stdout) as { wins: number; conflicts: number };
    const [first, second] = await Promise.all([racer(), racer()]);
    assert.equal(first.wins + first.conflicts + second.wins + second.conflicts, 2000);
    assert.equal((await store.getRequest(created.id))?.execution?.attempts, first.wins + second.wins);
    await store.close();
  });

  it('refuses to change or delete audit entries even through SQL', async () => {
    const path = freshFile();
    const store = new SqliteStore(path);
    await store.appendAudit({
      id: 'a1', at: '2026-01-01T00:00:00.000Z', mailboxId: 'mb', mailboxAddress: 'mb@contoso.com',
      actor: { kind: 'user', id: 'u', displayName: 'U', address: 'u@contoso.com' },
      action: 'x',
      detail: '',
      outcome: 'ok',
    });
    await store.close();
    const raw = new Database(path);
    assert.throws(() => raw.exec('DELETE FROM audit'), /append-only/);
    assert.throws(() => raw.exec("UPDATE audit SET body = '{}'"), /append-only/);
    raw.close();
  });
});
