// Team members' own notification preferences (R10): one versioned JSON document per member.
import type { Database } from 'better-sqlite3';
import {
  DEFAULT_NOTIFICATION_PREFS,
  notificationPrefsSchema,
  type NotificationPrefs,
  type NotificationPrefsState,
} from '../../shared/profile';

type PrefsRow = { prefs: string; version: number; updated_at: number };

/** `conflict` when the save was based on an older version; nothing was changed then. */
export type PrefsUpdate =
  | { kind: 'updated'; state: NotificationPrefsState }
  | { kind: 'unchanged'; state: NotificationPrefsState }
  | { kind: 'conflict'; state: NotificationPrefsState };

const DEFAULT_STATE: NotificationPrefsState = { prefs: DEFAULT_NOTIFICATION_PREFS, version: 0, updatedAt: 0 };

function toState(row: PrefsRow | undefined): NotificationPrefsState {
  if (!row) return DEFAULT_STATE;
  // Written only through the schema, so this fails only if someone edited the file by hand.
  const prefs = notificationPrefsSchema.safeParse(JSON.parse(row.prefs));
  return { prefs: prefs.success ? prefs.data : DEFAULT_NOTIFICATION_PREFS, version: row.version, updatedAt: row.updated_at };
}

export type ProfileRepository = ReturnType<typeof createProfileRepository>;

export function createProfileRepository(db: Database) {
  const select = db.prepare<[number], PrefsRow>(
    'SELECT prefs, version, updated_at FROM member_notification_prefs WHERE member_id = ?',
  );
  const upsert = db.prepare<{ memberId: number; prefs: string; version: number; now: number }>(
    `INSERT INTO member_notification_prefs (member_id, prefs, version, updated_at)
     VALUES (:memberId, :prefs, :version, :now)
     ON CONFLICT (member_id) DO UPDATE SET prefs = excluded.prefs, version = excluded.version, updated_at = excluded.updated_at`,
  );

  const update = db.transaction((memberId: number, prefs: NotificationPrefs, baseVersion: number, now: number): PrefsUpdate => {
    const current = toState(select.get(memberId));
    if (current.version !== baseVersion) return { kind: 'conflict', state: current };
    if (JSON.stringify(current.prefs) === JSON.stringify(prefs)) return { kind: 'unchanged', state: current };
    upsert.run({ memberId, prefs: JSON.stringify(prefs), version: current.version + 1, now });
    return { kind: 'updated', state: toState(select.get(memberId)) };
  });

  return {
    /** The member's preferences, or the defaults at version 0 if they never saved any. */
    get(memberId: number): NotificationPrefsState {
      return toState(select.get(memberId));
    },
    /** Saves preferences edited from `baseVersion`; refuses (conflict) if they moved on since. */
    update(memberId: number, prefs: NotificationPrefs, baseVersion: number, now: number): PrefsUpdate {
      return update(memberId, prefs, baseVersion, now);
    },
  };
}
