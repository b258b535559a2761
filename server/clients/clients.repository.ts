// Clients of the business and the tokens their app or client page connects with.
import type { Database } from 'better-sqlite3';
import type { ClientSummary } from '../../shared/domain';

export type NewClient = { name: string; mobile: string | null; email: string | null };

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
  const selectClientIdByToken = db.prepare<[Buffer], { client_id: number }>(
    'SELECT client_id FROM client_tokens WHERE token_hash = ? AND revoked_at IS NULL',
  );

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
    clientIdByToken(tokenHash: Buffer): number | null {
      return selectClientIdByToken.get(tokenHash)?.client_id ?? null;
    },
  };
}
