// Team members: credentials for sign-in, their permission group and the locations they work at.
import type { Database } from 'better-sqlite3';
import type { TeamMember } from '../../shared/teamEvents';
import type { Member } from '../../shared/domain';
import type { GroupGrants, Role } from '../../shared/permissions';

/** What sign-in needs to know about a member. A deactivated member may not sign in. */
export type MemberCredentials = Member & { passwordHash: string; groupGrants: GroupGrants | null; deactivated: boolean };

type CredentialsRow = {
  id: number;
  name: string;
  email: string;
  role: Role;
  password_hash: string;
  group_id: number | null;
  access_chats: number | null;
  reply_chats: number | null;
  manage_settings: number | null;
  manage_team: number | null;
  deactivated_at: number | null;
};

type TeamMemberRow = {
  id: number;
  name: string;
  email: string;
  role: Role;
  group_id: number | null;
  location_ids: string;
  deactivated_at: number | null;
};

export type NewMember = { name: string; email: string; passwordHash: string; role: Role; groupId: number | null };

const TEAM_MEMBER_SELECT = `SELECT m.id, m.name, m.email, m.role, m.group_id, m.deactivated_at,
    (SELECT json_group_array(location_id)
       FROM (SELECT location_id FROM member_locations WHERE member_id = m.id ORDER BY location_id)) AS location_ids
  FROM team_members m`;

export type TeamRepository = ReturnType<typeof createTeamRepository>;

export function createTeamRepository(db: Database) {
  const selectCredentials = db.prepare<[string], CredentialsRow>(
    `SELECT m.id, m.name, m.email, m.role, m.password_hash, m.group_id, m.deactivated_at,
            g.access_chats, g.reply_chats, g.manage_settings, g.manage_team
       FROM team_members m LEFT JOIN permission_groups g ON g.id = m.group_id
      WHERE m.email = ?`,
  );
  const selectMember = db.prepare<[number], Member>('SELECT id, name, email, role FROM team_members WHERE id = ?');
  const selectLocationIds = db.prepare<[number], { location_id: number }>(
    'SELECT location_id FROM member_locations WHERE member_id = ? ORDER BY location_id',
  );
  const selectAllLocationIds = db.prepare<[], { id: number }>('SELECT id FROM locations ORDER BY id');
  const selectTeamMembers = db.prepare<[], TeamMemberRow>(`${TEAM_MEMBER_SELECT} ORDER BY m.name COLLATE NOCASE, m.id`);
  const selectTeamMember = db.prepare<[number], TeamMemberRow>(`${TEAM_MEMBER_SELECT} WHERE m.id = ?`);
  const insertMember = db.prepare<NewMember & { createdAt: number }>(
    `INSERT INTO team_members (name, email, password_hash, role, group_id, created_at)
     VALUES (:name, lower(:email), :passwordHash, :role, :groupId, :createdAt)`,
  );
  const updateGroup = db.prepare<[number, number]>('UPDATE team_members SET group_id = ? WHERE id = ?');
  const replacePasswordHash = db.prepare<{ id: number; from: string; to: string }>(
    'UPDATE team_members SET password_hash = :to WHERE id = :id AND password_hash = :from',
  );
  const updateDeactivated = db.prepare<{ id: number; at: number | null }>(
    'UPDATE team_members SET deactivated_at = :at WHERE id = :id AND (deactivated_at IS NULL) = (:at IS NOT NULL)',
  );
  const deleteMemberLocations = db.prepare<[number]>('DELETE FROM member_locations WHERE member_id = ?');
  const insertMemberLocation = db.prepare<[number, number]>(
    'INSERT INTO member_locations (member_id, location_id) VALUES (?, ?)',
  );

  // Owners are in no group and work at every location: they can do everything, everywhere.
  function toTeamMember(row: TeamMemberRow): TeamMember {
    const isOwner = row.role === 'owner';
    return {
      id: row.id,
      name: row.name,
      email: row.email,
      role: row.role,
      groupId: isOwner ? null : row.group_id,
      locationIds: isOwner ? selectAllLocationIds.all().map((location) => location.id) : (JSON.parse(row.location_ids) as number[]),
      ...(row.deactivated_at === null ? {} : { deactivatedAt: row.deactivated_at }),
    };
  }

  const setMembership = db.transaction((memberId: number, groupId: number, locationIds: readonly number[]) => {
    updateGroup.run(groupId, memberId);
    deleteMemberLocations.run(memberId);
    for (const locationId of locationIds) insertMemberLocation.run(memberId, locationId);
  });

  return {
    /** Replaces the hash only if it is still `from` (the one just checked), so a change made
     * meanwhile by another request is never undone; answers whether it replaced it. */
    replacePasswordHash(memberId: number, from: string, to: string): boolean {
      return replacePasswordHash.run({ id: memberId, from, to }).changes > 0;
    },
    credentialsByEmail(email: string): MemberCredentials | null {
      const row = selectCredentials.get(email);
      if (!row) return null;
      return {
        id: row.id,
        name: row.name,
        email: row.email,
        role: row.role,
        passwordHash: row.password_hash,
        deactivated: row.deactivated_at !== null,
        groupGrants:
          row.group_id === null
            ? null
            : {
                accessChats: row.access_chats === 1,
                replyChats: row.reply_chats === 1,
                manageSettings: row.manage_settings === 1,
                manageTeam: row.manage_team === 1,
              },
      };
    },
    memberById(id: number): Member | null {
      return selectMember.get(id) ?? null;
    },
    /** The locations a member is assigned to (owners are treated as working everywhere). */
    assignedLocationIds(memberId: number): number[] {
      return selectLocationIds.all(memberId).map((row) => row.location_id);
    },
    /** Everyone on the team with their group and locations, by name. */
    list(): TeamMember[] {
      return selectTeamMembers.all().map(toTeamMember);
    },
    teamMember(id: number): TeamMember | null {
      const row = selectTeamMember.get(id);
      return row ? toTeamMember(row) : null;
    },
    createMember(member: NewMember, createdAt: number, locationIds: readonly number[]): number {
      return db.transaction(() => {
        const id = Number(insertMember.run({ ...member, createdAt }).lastInsertRowid);
        for (const locationId of locationIds) insertMemberLocation.run(id, locationId);
        return id;
      })();
    },
    /** Deactivates a member at `at`, or reactivates them with null; answers whether that changed
     * anything (false when they already were so). */
    setDeactivated(memberId: number, at: number | null): boolean {
      return updateDeactivated.run({ id: memberId, at }).changes > 0;
    },
    /** Moves a member to a group and sets where they work; applies at their next sign-in (R8). */
    setMembership(memberId: number, groupId: number, locationIds: readonly number[]): void {
      setMembership(memberId, groupId, locationIds);
    },
  };
}
