// Clients' profiles as staff edit them (R11): contact details, email/text preferences, version
// and who changed them last.
import type { Database } from 'better-sqlite3';
import type { ClientProfile } from '../../shared/clientProfile';

type ProfileRow = {
  id: number;
  name: string;
  mobile: string | null;
  email: string | null;
  email_notifications: number;
  sms_notifications: number;
  profile_version: number;
  profile_updated_at: number | null;
  profile_updated_by_id: number | null;
  profile_updated_by_name: string | null;
  country: string;
};

/** A checked edit: the mobile number in E.164, addresses present where channels are on. */
export type ClientProfileChange = {
  name: string;
  mobile: string | null;
  email: string | null;
  emailNotifications: boolean;
  smsNotifications: boolean;
};

export type ClientProfileUpdate =
  | { kind: 'updated'; before: ClientProfile; after: ClientProfile }
  | { kind: 'unchanged'; current: ClientProfile }
  | { kind: 'conflict'; current: ClientProfile }
  | { kind: 'missing' };

const toProfile = (row: ProfileRow): ClientProfile => ({
  clientId: row.id,
  name: row.name,
  mobile: row.mobile,
  email: row.email,
  notifications: { inApp: true, email: row.email_notifications === 1, sms: row.sms_notifications === 1 },
  country: row.country,
  version: row.profile_version,
  // A change with no member recorded was made by the client.
  updated:
    row.profile_updated_at === null
      ? null
      : {
          at: row.profile_updated_at,
          by:
            row.profile_updated_by_id === null
              ? { kind: 'client' }
              : { kind: 'staff', id: row.profile_updated_by_id, name: row.profile_updated_by_name ?? '' },
        },
});

const sameContent = (profile: ClientProfile, change: ClientProfileChange) =>
  profile.name === change.name &&
  profile.mobile === change.mobile &&
  profile.email === change.email &&
  profile.notifications.email === change.emailNotifications &&
  profile.notifications.sms === change.smsNotifications;

export type ClientProfileRepository = ReturnType<typeof createClientProfileRepository>;

export function createClientProfileRepository(db: Database) {
  const select = db.prepare<[number], ProfileRow>(
    `SELECT c.id, c.name, c.mobile, c.email, c.email_notifications, c.sms_notifications, c.profile_version,
            c.profile_updated_at, c.profile_updated_by_id, c.profile_updated_by_name,
            coalesce((SELECT country FROM workspace WHERE id = 1), '') AS country
       FROM clients c WHERE c.id = ?`,
  );
  const updateRow = db.prepare<ClientProfileChangeColumns & { id: number; now: number; byId: number | null; byName: string | null }>(
    `UPDATE clients SET name = :name, mobile = :mobile, email = :email,
            email_notifications = :emailNotifications, sms_notifications = :smsNotifications,
            profile_version = profile_version + 1, profile_updated_at = :now,
            profile_updated_by_id = :byId, profile_updated_by_name = :byName
      WHERE id = :id`,
  );
  const selectLocations = db.prepare<[number], { location_id: number }>(
    'SELECT DISTINCT location_id FROM conversations WHERE client_id = ?',
  );

  const find = (clientId: number): ClientProfile | null => {
    const row = select.get(clientId);
    return row ? toProfile(row) : null;
  };

  return {
    find,
    /** Applies a checked change made from `baseVersion` by a member (null: the client
     * themselves); stale → conflict. */
    update(
      clientId: number,
      change: ClientProfileChange,
      baseVersion: number,
      by: { id: number; name: string } | null,
      now: number,
    ): ClientProfileUpdate {
      const before = find(clientId);
      if (!before) return { kind: 'missing' };
      if (before.version !== baseVersion) return { kind: 'conflict', current: before };
      if (sameContent(before, change)) return { kind: 'unchanged', current: before };
      updateRow.run({
        id: clientId,
        name: change.name,
        mobile: change.mobile,
        email: change.email,
        emailNotifications: Number(change.emailNotifications),
        smsNotifications: Number(change.smsNotifications),
        now,
        byId: by?.id ?? null,
        byName: by?.name ?? null,
      });
      const after = find(clientId);
      if (!after) throw new Error(`Client ${clientId} vanished inside its own update.`);
      return { kind: 'updated', before, after };
    },
    /** Locations where the client has a conversation: whose staff may see the profile. */
    locationIds(clientId: number): number[] {
      return selectLocations.all(clientId).map((row) => row.location_id);
    },
  };
}

type ClientProfileChangeColumns = {
  name: string;
  mobile: string | null;
  email: string | null;
  emailNotifications: number;
  smsNotifications: number;
};
