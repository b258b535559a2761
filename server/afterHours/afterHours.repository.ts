// Opening hours and after-hours reply settings per location, and when each conversation last
// got the automatic reply. The weekly hours and closed dates are stored as JSON and parsed with
// the protocol's schema when read, so a hand-edited row cannot reach the send path malformed.
import type { Database } from 'better-sqlite3';
import { CLOSED_ALL_WEEK, openingHoursSchema, type LocationHours } from '../../shared/openingHours';

type LocationHoursRow = {
  weekly: string;
  closed_dates: string;
  reply_enabled: number;
  reply_text: string;
  reply_author_id: number | null;
  version: number;
  updated_at: number;
};

export type StoredLocationHours = {
  settings: LocationHours;
  /** Who the automatic reply is sent as: the manager who last saved it. */
  replyAuthorId: number | null;
  version: number;
  updatedAt: number;
};

/** A location nobody has set up: closed all week, reply off. */
export const UNSET_LOCATION_HOURS: StoredLocationHours = {
  settings: { hours: CLOSED_ALL_WEEK, reply: { enabled: false, text: '' } },
  replyAuthorId: null,
  version: 0,
  updatedAt: 0,
};

function toStored(row: LocationHoursRow): StoredLocationHours {
  const hours = openingHoursSchema.parse({ weekly: JSON.parse(row.weekly), closedDates: JSON.parse(row.closed_dates) });
  return {
    settings: { hours, reply: { enabled: row.reply_enabled === 1, text: row.reply_text } },
    replyAuthorId: row.reply_author_id,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export type AfterHoursRepository = ReturnType<typeof createAfterHoursRepository>;

export function createAfterHoursRepository(db: Database) {
  const selectHours = db.prepare<[number], LocationHoursRow>(
    `SELECT weekly, closed_dates, reply_enabled, reply_text, reply_author_id, version, updated_at
       FROM location_hours WHERE location_id = ?`,
  );
  const upsertHours = db.prepare<{
    locationId: number; weekly: string; closedDates: string; replyEnabled: number; replyText: string; authorId: number; now: number;
  }>(
    `INSERT INTO location_hours (location_id, weekly, closed_dates, reply_enabled, reply_text, reply_author_id, version, updated_at)
     VALUES (:locationId, :weekly, :closedDates, :replyEnabled, :replyText, :authorId, 1, :now)
     ON CONFLICT (location_id) DO UPDATE SET weekly = excluded.weekly, closed_dates = excluded.closed_dates,
       reply_enabled = excluded.reply_enabled, reply_text = excluded.reply_text,
       reply_author_id = excluded.reply_author_id, version = version + 1, updated_at = excluded.updated_at`,
  );
  // The send path asks this for every client message: with the reply off (the default) it is
  // one primary-key lookup and nothing to parse.
  const selectReplyOn = db.prepare<[number], LocationHoursRow>(
    `SELECT weekly, closed_dates, reply_enabled, reply_text, reply_author_id, version, updated_at
       FROM location_hours WHERE location_id = ? AND reply_enabled = 1 AND reply_author_id IS NOT NULL`,
  );
  const selectLastReply = db.prepare<[number], { sent_at: number }>('SELECT sent_at FROM after_hours_replies WHERE conversation_id = ?');
  const upsertLastReply = db.prepare<[number, number]>(
    `INSERT INTO after_hours_replies (conversation_id, sent_at) VALUES (?, ?)
     ON CONFLICT (conversation_id) DO UPDATE SET sent_at = excluded.sent_at`,
  );

  return {
    /** The location's settings; the unset defaults when nobody saved any. */
    find(locationId: number): StoredLocationHours {
      const row = selectHours.get(locationId);
      return row ? toStored(row) : UNSET_LOCATION_HOURS;
    },
    /** The location's settings when its automatic reply is on (and has an author), else null. */
    findWithReplyOn(locationId: number): StoredLocationHours | null {
      const row = selectReplyOn.get(locationId);
      if (!row) return null;
      // Asked inside the batch that stores a client's message: a row that does not read (only
      // a hand edit of the file could make one) means no reply, never a refused message.
      try {
        return toStored(row);
      } catch {
        return null;
      }
    },
    /** Saves the whole settings of a location and moves its version on; the caller checks the
     * version it was edited from inside the same transaction. */
    save(locationId: number, settings: LocationHours, authorId: number, now: number): void {
      upsertHours.run({
        locationId,
        weekly: JSON.stringify(settings.hours.weekly),
        closedDates: JSON.stringify(settings.hours.closedDates),
        replyEnabled: Number(settings.reply.enabled),
        replyText: settings.reply.text,
        authorId,
        now,
      });
    },
    lastReplyAt(conversationId: number): number | null {
      return selectLastReply.get(conversationId)?.sent_at ?? null;
    },
    recordReply(conversationId: number, sentAt: number): void {
      upsertLastReply.run(conversationId, sentAt);
    },
  };
}
