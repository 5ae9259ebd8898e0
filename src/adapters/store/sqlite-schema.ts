import type Database from 'better-sqlite3';
import { AppError } from '../../domain/errors';

/** Each entry moves the schema from version (index) to version (index + 1); never edit a shipped one. */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE requests (
    id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    status TEXT NOT NULL,
    mailbox_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    body TEXT NOT NULL CHECK (json_valid(body))
  );
  CREATE INDEX requests_by_status ON requests (status);
  CREATE INDEX requests_by_mailbox ON requests (mailbox_id);

  CREATE TABLE audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    mailbox_id TEXT NOT NULL,
    id TEXT NOT NULL,
    at_ms INTEGER NOT NULL,
    body TEXT NOT NULL CHECK (json_valid(body)),
    UNIQUE (mailbox_id, id)
  );
  CREATE INDEX audit_newest_first ON audit (mailbox_id, at_ms DESC, seq DESC);
  CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
  CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;

  CREATE TABLE owners (
    mailbox_id TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    body TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (mailbox_id, owner_id)
  );

  CREATE TABLE automapping (
    mailbox_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    enabled INTEGER NOT NULL,
    PRIMARY KEY (mailbox_id, user_id)
  );

  CREATE TABLE documents (
    key TEXT PRIMARY KEY,
    body TEXT NOT NULL CHECK (json_valid(body))
  );

  CREATE TABLE leases (
    name TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    until_ms INTEGER NOT NULL
  );
  `,
  // Keyed by status so the planner picks it for the sweep's `status IN (…)`; it holds only the few unfinished follow-ups.
  `
  CREATE INDEX requests_awaiting_follow_up ON requests (status) WHERE json_extract(body, '$.followUp') IS NOT NULL;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the file up to SCHEMA_VERSION; IMMEDIATE so two processes opening at once migrate once. */
export function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  db.transaction(() => {
    const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
    const current = row?.version ?? 0;
    if (current > SCHEMA_VERSION) {
      throw new AppError(
        'unavailable',
        `The database was written by a newer version of the bot (schema ${current}, this one knows ${SCHEMA_VERSION}).`,
      );
    }
    for (const step of MIGRATIONS.slice(current)) db.exec(step);
    if (row === undefined) db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SCHEMA_VERSION);
    else db.prepare('UPDATE schema_version SET version = ?').run(SCHEMA_VERSION);
  }).immediate();
}
