// Client notes (migration 18): one text per client with its version and last editor.
import type { Database } from 'better-sqlite3';
import type { ClientNote } from '../../shared/noteEvents';

type Row = { client_id: number; text: string; version: number; by_id: number; by_name: string; updated_at: number };

export type ClientNoteSave =
  | { kind: 'updated'; before: ClientNote; after: ClientNote }
  | { kind: 'unchanged'; current: ClientNote }
  | { kind: 'conflict'; current: ClientNote };

export type ClientNotesRepository = ReturnType<typeof createClientNotesRepository>;

export function createClientNotesRepository(db: Database) {
  const select = db.prepare<[number], Row>(
    `SELECT n.client_id, n.text, n.version, n.updated_by_member_id AS by_id, t.name AS by_name, n.updated_at
       FROM client_notes n JOIN team_members t ON t.id = n.updated_by_member_id WHERE n.client_id = ?`,
  );
  // A first save inserts (a concurrent first save hits the primary key and changes nothing);
  // later ones move on only from the version the editor saw.
  const insertFirst = db.prepare<{ clientId: number; text: string; memberId: number; at: number }>(
    `INSERT INTO client_notes (client_id, text, version, updated_by_member_id, updated_at)
     VALUES (:clientId, :text, 1, :memberId, :at) ON CONFLICT (client_id) DO NOTHING`,
  );
  const updateFrom = db.prepare<{ clientId: number; text: string; expectedVersion: number; memberId: number; at: number }>(
    `UPDATE client_notes SET text = :text, version = version + 1, updated_by_member_id = :memberId, updated_at = :at
      WHERE client_id = :clientId AND version = :expectedVersion`,
  );

  function find(clientId: number): ClientNote {
    const row = select.get(clientId);
    if (!row) return { clientId, text: '', version: 0, updated: null };
    return { clientId, text: row.text, version: row.version, updated: { at: row.updated_at, by: { id: row.by_id, name: row.by_name } } };
  }

  return {
    find,
    /** Saves the text if the note is still at `expectedVersion`; run inside a transaction. */
    save(clientId: number, text: string, expectedVersion: number, memberId: number, at: number): ClientNoteSave {
      const before = find(clientId);
      if (before.version !== expectedVersion) return { kind: 'conflict', current: before };
      if (before.text === text) return { kind: 'unchanged', current: before };
      const changed =
        expectedVersion === 0
          ? insertFirst.run({ clientId, text, memberId, at }).changes
          : updateFrom.run({ clientId, text, expectedVersion, memberId, at }).changes;
      if (changed === 0) return { kind: 'conflict', current: find(clientId) };
      return { kind: 'updated', before, after: find(clientId) };
    },
  };
}
