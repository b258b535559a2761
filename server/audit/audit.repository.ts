// The audit log of settings and permission changes: appended in the same transaction as the
// change it records, read newest first by owners. The table refuses updates and deletes.
import type { Database } from 'better-sqlite3';
import type { AuditEntry } from '../../shared/auditEvents';

export type AuditAction = AuditEntry['action'];

export type NewAuditEntry = {
  at: number;
  actor: { id: number; name: string };
  action: AuditAction;
  subject: string;
  before: unknown;
  after: unknown;
};

type AuditRow = {
  id: number;
  at: number;
  actor_id: number;
  actor_name: string;
  action: AuditAction;
  subject: string;
  before: string | null;
  after: string | null;
};

/** Newest first from a keyset position: walks the primary key backwards. */
export const AUDIT_PAGE_SQL = `SELECT id, at, actor_id, actor_name, action, subject, before, after
  FROM audit_log WHERE id < :beforeId ORDER BY id DESC LIMIT :limit`;

const toJson = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

const toEntry = (row: AuditRow): AuditEntry => ({
  id: row.id,
  at: row.at,
  actor: { id: row.actor_id, name: row.actor_name },
  action: row.action,
  subject: row.subject,
  before: row.before === null ? null : (JSON.parse(row.before) as unknown),
  after: row.after === null ? null : (JSON.parse(row.after) as unknown),
});

export type AuditRepository = ReturnType<typeof createAuditRepository>;

export function createAuditRepository(db: Database) {
  const insertEntry = db.prepare<{
    at: number;
    actorId: number;
    actorName: string;
    action: AuditAction;
    subject: string;
    before: string | null;
    after: string | null;
  }>(
    `INSERT INTO audit_log (at, actor_id, actor_name, action, subject, before, after)
     VALUES (:at, :actorId, :actorName, :action, :subject, :before, :after)`,
  );
  const selectPage = db.prepare<{ beforeId: number; limit: number }, AuditRow>(AUDIT_PAGE_SQL);

  return {
    record(entry: NewAuditEntry): number {
      return Number(
        insertEntry.run({
          at: entry.at,
          actorId: entry.actor.id,
          actorName: entry.actor.name,
          action: entry.action,
          subject: entry.subject,
          before: toJson(entry.before),
          after: toJson(entry.after),
        }).lastInsertRowid,
      );
    },
    /** Up to `limit` entries older than `beforeId` (or the newest), newest first. */
    page(beforeId: number | null, limit: number): { items: AuditEntry[]; hasMore: boolean } {
      const rows = selectPage.all({ beforeId: beforeId ?? Number.MAX_SAFE_INTEGER, limit: limit + 1 });
      return { items: rows.slice(0, limit).map(toEntry), hasMore: rows.length > limit };
    },
  };
}
