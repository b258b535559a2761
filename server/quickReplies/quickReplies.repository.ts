// The quick reply library: replies and the locations each is limited to (none: every location).
// The library is small (QUICK_REPLIES_MAX), so it is read whole, in title order, from its index.
import type { Database } from 'better-sqlite3';
import type { QuickReply, QuickReplyDraft } from '../../shared/quickReplyEvents';

type ReplyRow = { id: number; title: string; body: string; version: number; updated_at: number; location_ids: string };

const REPLY_COLUMNS = `q.id, q.title, q.body, q.version, q.updated_at,
  (SELECT json_group_array(l.location_id) FROM quick_reply_locations l WHERE l.quick_reply_id = q.id) AS location_ids`;

/** The whole library by title. */
export const LIBRARY_SQL = `SELECT ${REPLY_COLUMNS} FROM quick_replies q ORDER BY q.title COLLATE NOCASE, q.id`;

/** The replies offered at one location: those limited to it and those limited to none. */
export const REPLIES_AT_LOCATION_SQL = `SELECT q.id, q.title, q.body FROM quick_replies q
  WHERE NOT EXISTS (SELECT 1 FROM quick_reply_locations l WHERE l.quick_reply_id = q.id)
     OR EXISTS (SELECT 1 FROM quick_reply_locations l WHERE l.quick_reply_id = q.id AND l.location_id = :locationId)
  ORDER BY q.title COLLATE NOCASE, q.id`;

const toReply = (row: ReplyRow): QuickReply => ({
  id: row.id,
  title: row.title,
  text: row.body,
  locationIds: (JSON.parse(row.location_ids) as number[]).sort((a, b) => a - b),
  version: row.version,
  updatedAt: row.updated_at,
});

export type QuickReplyRepository = ReturnType<typeof createQuickReplyRepository>;

export function createQuickReplyRepository(db: Database) {
  const selectLibrary = db.prepare<[], ReplyRow>(LIBRARY_SQL);
  const selectById = db.prepare<[number], ReplyRow>(`SELECT ${REPLY_COLUMNS} FROM quick_replies q WHERE q.id = ?`);
  const selectAtLocation = db.prepare<{ locationId: number }, { id: number; title: string; body: string }>(REPLIES_AT_LOCATION_SQL);
  const countReplies = db.prepare<[], number>('SELECT count(*) FROM quick_replies').pluck();
  const insertReply = db.prepare<{ title: string; body: string; now: number }>(
    'INSERT INTO quick_replies (title, body, created_at, updated_at) VALUES (:title, :body, :now, :now)',
  );
  const updateReply = db.prepare<{ id: number; title: string; body: string; now: number }>(
    'UPDATE quick_replies SET title = :title, body = :body, version = version + 1, updated_at = :now WHERE id = :id',
  );
  const deleteReply = db.prepare<[number]>('DELETE FROM quick_replies WHERE id = ?');
  const deleteLocations = db.prepare<[number]>('DELETE FROM quick_reply_locations WHERE quick_reply_id = ?');
  const insertLocation = db.prepare<[number, number]>('INSERT INTO quick_reply_locations (quick_reply_id, location_id) VALUES (?, ?)');

  const setLocations = (id: number, locationIds: readonly number[]) => {
    deleteLocations.run(id);
    for (const locationId of locationIds) insertLocation.run(id, locationId);
  };
  const find = (id: number): QuickReply | null => {
    const row = selectById.get(id);
    return row ? toReply(row) : null;
  };

  return {
    library(): QuickReply[] {
      return selectLibrary.all().map(toReply);
    },
    find,
    count(): number {
      return countReplies.get() ?? 0;
    },
    /** The replies offered at a location, by title (their text not yet filled in). */
    atLocation(locationId: number): { id: number; title: string; text: string }[] {
      return selectAtLocation.all({ locationId }).map((row) => ({ id: row.id, title: row.title, text: row.body }));
    },
    /** Call inside a transaction (the reply and its locations are one change). */
    create(draft: QuickReplyDraft, now: number): QuickReply {
      const id = Number(insertReply.run({ title: draft.title, body: draft.text, now }).lastInsertRowid);
      setLocations(id, draft.locationIds);
      return find(id)!;
    },
    /** Call inside a transaction. */
    update(id: number, draft: QuickReplyDraft, now: number): QuickReply {
      updateReply.run({ id, title: draft.title, body: draft.text, now });
      setLocations(id, draft.locationIds);
      return find(id)!;
    },
    delete(id: number): void {
      deleteReply.run(id);
    },
  };
}
