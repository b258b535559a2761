// Clients of the business and the tokens their app or client page connects with.
import type { Database } from 'better-sqlite3';
import type { ClientSummary } from '../../shared/domain';

export type NewClient = { name: string; mobile: string | null; email: string | null };

/** A client link that still works: the token's row, its client, and when it stops working. */
export type ClientLink = { linkId: number; clientId: number; expiresAt: number };

type LinkRow = { id: number; client_id: number; active_from: number };

/** A link works for a while after the later of when it was issued and when the client's newest
 * appointment starts (any status: a cancelled one was still a reason to write). The newest start
 * is the last entry of appointments_by_client for the client; every client connect and upload
 * runs this. */
export const LINK_COLUMNS = `SELECT t.id, t.client_id,
    max(t.created_at, coalesce((SELECT max(a.starts_at) FROM appointments a WHERE a.client_id = t.client_id), 0)) AS active_from
  FROM client_tokens t`;

export type ClientRepository = ReturnType<typeof createClientRepository>;

export function createClientRepository(db: Database) {
  const insertClient = db.prepare<NewClient & { createdAt: number }>(
    'INSERT INTO clients (name, mobile, email, created_at) VALUES (:name, :mobile, :email, :createdAt)',
  );
  const selectClient = db.prepare<[number], ClientSummary>('SELECT id, name FROM clients WHERE id = ?');
  const insertToken = db.prepare<[Buffer, number, number]>(
    'INSERT INTO client_tokens (token_hash, client_id, created_at) VALUES (?, ?, ?)',
  );
  const revokeTokens = db.prepare<[number, number]>(
    'UPDATE client_tokens SET revoked_at = ? WHERE client_id = ? AND revoked_at IS NULL',
  );
  const selectLinkByToken = db.prepare<[Buffer], LinkRow>(`${LINK_COLUMNS} WHERE t.token_hash = ? AND t.revoked_at IS NULL`);
  const selectLinkById = db.prepare<[number], LinkRow>(`${LINK_COLUMNS} WHERE t.id = ? AND t.revoked_at IS NULL`);
  const linkOf = (row: LinkRow | undefined, ttlMs: number, now: number): ClientLink | null => {
    if (!row) return null;
    const expiresAt = row.active_from + ttlMs;
    return now < expiresAt ? { linkId: row.id, clientId: row.client_id, expiresAt } : null;
  };

  return {
    create(client: NewClient, createdAt: number): number {
      return Number(insertClient.run({ ...client, createdAt }).lastInsertRowid);
    },
    findById(id: number): ClientSummary | null {
      return selectClient.get(id) ?? null;
    },
    saveToken(clientId: number, tokenHash: Buffer, createdAt: number): void {
      insertToken.run(tokenHash, clientId, createdAt);
    },
    /** Every link the client was sent stops working; answers how many were live. */
    revokeTokens(clientId: number, now: number): number {
      return revokeTokens.run(now, clientId).changes;
    },
    /** The link this token opens, if it is neither revoked nor expired at `now`. */
    linkByToken(tokenHash: Buffer, ttlMs: number, now: number): ClientLink | null {
      return linkOf(selectLinkByToken.get(tokenHash), ttlMs, now);
    },
    /** The same for a link already known by id (a connected page whose link may have run out). */
    linkById(linkId: number, ttlMs: number, now: number): ClientLink | null {
      return linkOf(selectLinkById.get(linkId), ttlMs, now);
    },
  };
}
