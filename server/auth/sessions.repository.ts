// Staff sessions. A session keeps the grants and locations its member had at sign-in, so
// permission edits apply at the next sign-in (R8). Tokens are looked up by their SHA-256.
import type { Database } from 'better-sqlite3';
import type { Grants } from '../../shared/permissions';

/** How a session began: a full sign-in, or a PIN on a reception computer. */
export type SignInMethod = 'password' | 'pin';

export type StaffSession = {
  id: number;
  memberId: number;
  signInMethod: SignInMethod;
  grants: Grants;
  locationIds: number[];
  expiresAt: number;
};

type SessionRow = {
  id: number;
  member_id: number;
  access_chats: number;
  reply_chats: number;
  manage_settings: number;
  manage_team: number;
  view_audit_log: number;
  location_ids: string;
  expires_at: number;
  sign_in_method: SignInMethod;
};

export type NewSession = {
  tokenHash: Buffer;
  memberId: number;
  grants: Grants;
  locationIds: readonly number[];
  createdAt: number;
  expiresAt: number;
  /** Defaults to 'password'. */
  signInMethod?: SignInMethod;
};

export type SessionRepository = ReturnType<typeof createSessionRepository>;

export function createSessionRepository(db: Database) {
  const insertSession = db.prepare(
    `INSERT INTO sessions (token_hash, member_id, access_chats, reply_chats, manage_settings, manage_team,
                           view_audit_log, location_ids, created_at, expires_at, sign_in_method)
     VALUES (:tokenHash, :memberId, :accessChats, :replyChats, :manageSettings, :manageTeam,
             :viewAuditLog, :locationIds, :createdAt, :expiresAt, :signInMethod)`,
  );
  const selectActive = db.prepare<{ tokenHash: Buffer; now: number }, SessionRow>(
    `SELECT id, member_id, access_chats, reply_chats, manage_settings, manage_team, view_audit_log, location_ids, expires_at,
            sign_in_method
       FROM sessions
      WHERE token_hash = :tokenHash AND revoked_at IS NULL AND expires_at > :now`,
  );
  const revokeSession = db.prepare<{ id: number; now: number }>(
    'UPDATE sessions SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL',
  );
  const revokeMemberSessions = db.prepare<{ memberId: number; now: number }, { id: number }>(
    `UPDATE sessions SET revoked_at = :now
      WHERE member_id = :memberId AND revoked_at IS NULL AND expires_at > :now
     RETURNING id`,
  );
  const revokeOtherMemberSessions = db.prepare<{ memberId: number; keepId: number; now: number }, { id: number }>(
    `UPDATE sessions SET revoked_at = :now
      WHERE member_id = :memberId AND id != :keepId AND revoked_at IS NULL AND expires_at > :now
     RETURNING id`,
  );

  return {
    create(session: NewSession): number {
      return Number(
        insertSession.run({
          tokenHash: session.tokenHash,
          memberId: session.memberId,
          accessChats: Number(session.grants.accessChats),
          replyChats: Number(session.grants.replyChats),
          manageSettings: Number(session.grants.manageSettings),
          manageTeam: Number(session.grants.manageTeam),
          viewAuditLog: Number(session.grants.viewAuditLog),
          locationIds: JSON.stringify(session.locationIds),
          createdAt: session.createdAt,
          expiresAt: session.expiresAt,
          signInMethod: session.signInMethod ?? 'password',
        }).lastInsertRowid,
      );
    },
    /** The unexpired, unrevoked session with this token hash. */
    findActive(tokenHash: Buffer, now: number): StaffSession | null {
      const row = selectActive.get({ tokenHash, now });
      if (!row) return null;
      return {
        id: row.id,
        memberId: row.member_id,
        signInMethod: row.sign_in_method,
        grants: {
          accessChats: row.access_chats === 1,
          replyChats: row.reply_chats === 1,
          manageSettings: row.manage_settings === 1,
          manageTeam: row.manage_team === 1,
          viewAuditLog: row.view_audit_log === 1,
        },
        locationIds: JSON.parse(row.location_ids) as number[],
        expiresAt: row.expires_at,
      };
    },
    revoke(id: number, now: number): void {
      revokeSession.run({ id, now });
    },
    /** Ends every active session of a member; returns the ids it ended. */
    /** Every live session of the member but `keepId` (the one that changed the password). */
    revokeOthersOfMember(memberId: number, keepId: number, now: number): number[] {
      return revokeOtherMemberSessions.all({ memberId, keepId, now }).map((row) => row.id);
    },
    revokeAllOfMember(memberId: number, now: number): number[] {
      return revokeMemberSessions.all({ memberId, now }).map((row) => row.id);
    },
  };
}
