// Internal notes of conversations and whom they mentioned (migration 18): the only code that
// knows their SQL. A note and its mentions are written in the caller's transaction.
import type { Database } from 'better-sqlite3';
import type { InternalNote, Mentionable } from '../../shared/noteEvents';

type NoteRow = {
  id: number;
  conversation_id: number;
  author_id: number;
  author_name: string;
  text: string;
  sender_note_id: string;
  created_at: number;
  /** JSON array of [id, name] pairs. */
  mentions: string;
};

const NOTE_SELECT = `SELECT n.id, n.conversation_id, n.author_member_id AS author_id,
    (SELECT name FROM team_members WHERE id = n.author_member_id) AS author_name,
    n.text, n.sender_note_id, n.created_at,
    (SELECT json_group_array(json_array(t.id, t.name)) FROM note_mentions nm JOIN team_members t ON t.id = nm.member_id
      WHERE nm.note_id = n.id) AS mentions
  FROM conversation_notes n`;

const toNote = (row: NoteRow): InternalNote => ({
  id: row.id,
  conversationId: row.conversation_id,
  author: { id: row.author_id, name: row.author_name },
  text: row.text,
  mentions: (JSON.parse(row.mentions) as [number, string][]).map(([id, name]) => ({ id, name })).sort((a, b) => a.id - b.id),
  senderNoteId: row.sender_note_id,
  createdAt: row.created_at,
});

/** A conversation's newest notes, newest first. */
export const CONVERSATION_NOTES_SQL = `${NOTE_SELECT} WHERE n.conversation_id = :conversationId ORDER BY n.id DESC LIMIT :limit`;

/** Notes after a position at these locations, oldest first (catch-up). */
export const NOTES_AFTER_FOR_LOCATIONS_SQL = `${NOTE_SELECT}
  WHERE n.id > :after
    AND (SELECT c.location_id FROM conversations c WHERE c.id = n.conversation_id) IN (SELECT value FROM json_each(:locationIds))
  ORDER BY n.id LIMIT :limit`;

/** The active team (but one member), each with whether they can see a location's conversations:
 * owners see every location; others need Access and to work there. */
export const MENTIONABLE_SQL = `SELECT m.id, m.name,
    (m.role = 'owner'
      OR (coalesce(g.access_chats, 0) = 1
          AND EXISTS (SELECT 1 FROM member_locations ml WHERE ml.member_id = m.id AND ml.location_id = :locationId))) AS can_see
  FROM team_members m LEFT JOIN permission_groups g ON g.id = m.group_id
  WHERE m.deactivated_at IS NULL AND m.id <> :exceptMemberId
  ORDER BY m.name COLLATE NOCASE, m.id`;

export type NewNote = { conversationId: number; authorId: number; text: string; senderNoteId: string; createdAt: number };

export type NotesRepository = ReturnType<typeof createNotesRepository>;

export function createNotesRepository(db: Database) {
  const insertNote = db.prepare<NewNote>(
    `INSERT INTO conversation_notes (conversation_id, author_member_id, text, sender_note_id, created_at)
     VALUES (:conversationId, :authorId, :text, :senderNoteId, :createdAt)`,
  );
  const insertMention = db.prepare<[number, number]>('INSERT OR IGNORE INTO note_mentions (note_id, member_id) VALUES (?, ?)');
  const selectNote = db.prepare<[number], NoteRow>(`${NOTE_SELECT} WHERE n.id = ?`);
  const selectByClientId = db.prepare<[number, string], NoteRow>(`${NOTE_SELECT} WHERE n.author_member_id = ? AND n.sender_note_id = ?`);
  const selectNotes = db.prepare<{ conversationId: number; limit: number }, NoteRow>(CONVERSATION_NOTES_SQL);
  const selectNotesAfter = db.prepare<{ after: number; locationIds: string; limit: number }, NoteRow>(NOTES_AFTER_FOR_LOCATIONS_SQL);
  const selectLastNoteId = db.prepare<[], { id: number }>('SELECT coalesce(max(id), 0) AS id FROM conversation_notes');
  const selectMentionable = db.prepare<{ locationId: number; exceptMemberId: number }, { id: number; name: string; can_see: number }>(MENTIONABLE_SQL);
  const selectMemberNames = db.prepare<[string], { id: number; name: string }>(
    'SELECT id, name FROM team_members WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id',
  );

  return {
    /** Stores a note with the members it notifies; returns it as stored. */
    add(note: NewNote, mentionedIds: readonly number[]): InternalNote {
      const id = Number(insertNote.run(note).lastInsertRowid);
      for (const memberId of mentionedIds) insertMention.run(id, memberId);
      const row = selectNote.get(id);
      if (!row) throw new Error(`Note ${id} vanished inside its own transaction.`);
      return toNote(row);
    },
    /** The note a member already wrote with this id (sent again), if any. */
    byClientNoteId(authorId: number, senderNoteId: string): InternalNote | null {
      const row = selectByClientId.get(authorId, senderNoteId);
      return row ? toNote(row) : null;
    },
    list(conversationId: number, limit: number): InternalNote[] {
      return selectNotes.all({ conversationId, limit }).map(toNote).reverse();
    },
    notesAfter(after: number, locationIds: readonly number[], limit: number): InternalNote[] {
      if (locationIds.length === 0) return [];
      return selectNotesAfter.all({ after, locationIds: JSON.stringify(locationIds), limit }).map(toNote);
    },
    lastNoteId(): number {
      return selectLastNoteId.get()?.id ?? 0;
    },
    mentionable(locationId: number, exceptMemberId: number): Mentionable[] {
      return selectMentionable.all({ locationId, exceptMemberId }).map((row) => ({ id: row.id, name: row.name, canSee: row.can_see === 1 }));
    },
    /** Names of team members by id (deactivated ones too); unknown ids are left out. */
    memberNames(ids: readonly number[]): { id: number; name: string }[] {
      return ids.length === 0 ? [] : selectMemberNames.all(JSON.stringify(ids));
    },
  };
}
