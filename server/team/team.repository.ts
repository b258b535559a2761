// Team members, their permission groups and the locations they work at.
import type { Database } from 'better-sqlite3';
import type { Member } from '../../shared/domain';
import type { Grants, Role } from '../../shared/permissions';

/** What sign-in needs to know about a member. */
export type MemberCredentials = Member & { passwordHash: string; groupGrants: Grants | null };

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
};

export type NewMember = { name: string; email: string; passwordHash: string; role: Role; groupId: number | null };

const grantColumns = (grants: Grants) => ({
  accessChats: Number(grants.accessChats),
  replyChats: Number(grants.replyChats),
  manageSettings: Number(grants.manageSettings),
  manageTeam: Number(grants.manageTeam),
});

export type TeamRepository = ReturnType<typeof createTeamRepository>;

export function createTeamRepository(db: Database) {
  const selectCredentials = db.prepare<[string], CredentialsRow>(
    `SELECT m.id, m.name, m.email, m.role, m.password_hash, m.group_id,
            g.access_chats, g.reply_chats, g.manage_settings, g.manage_team
       FROM team_members m LEFT JOIN permission_groups g ON g.id = m.group_id
      WHERE m.email = ?`,
  );
  const selectMember = db.prepare<[number], Member>('SELECT id, name, email, role FROM team_members WHERE id = ?');
  const selectLocationIds = db.prepare<[number], { location_id: number }>(
    'SELECT location_id FROM member_locations WHERE member_id = ? ORDER BY location_id',
  );
  const insertGroup = db.prepare<{ name: string } & Record<keyof Grants, number>>(
    `INSERT INTO permission_groups (name, access_chats, reply_chats, manage_settings, manage_team)
     VALUES (:name, :accessChats, :replyChats, :manageSettings, :manageTeam)`,
  );
  const updateGroup = db.prepare<{ id: number } & Record<keyof Grants, number>>(
    `UPDATE permission_groups SET access_chats = :accessChats, reply_chats = :replyChats,
       manage_settings = :manageSettings, manage_team = :manageTeam WHERE id = :id`,
  );
  const insertMember = db.prepare<NewMember & { createdAt: number }>(
    `INSERT INTO team_members (name, email, password_hash, role, group_id, created_at)
     VALUES (:name, lower(:email), :passwordHash, :role, :groupId, :createdAt)`,
  );
  const insertMemberLocation = db.prepare<[number, number]>(
    'INSERT INTO member_locations (member_id, location_id) VALUES (?, ?)',
  );

  return {
    credentialsByEmail(email: string): MemberCredentials | null {
      const row = selectCredentials.get(email);
      if (!row) return null;
      return {
        id: row.id,
        name: row.name,
        email: row.email,
        role: row.role,
        passwordHash: row.password_hash,
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
    createGroup(name: string, grants: Grants): number {
      return Number(
        insertGroup.run({ name, ...grantColumns(grants) }).lastInsertRowid,
      );
    },
    /** Takes effect at each member's next sign-in (R8): sessions keep their snapshot. */
    updateGroupGrants(id: number, grants: Grants): void {
      updateGroup.run({ id, ...grantColumns(grants) });
    },
    createMember(member: NewMember, createdAt: number, locationIds: readonly number[]): number {
      return db.transaction(() => {
        const id = Number(insertMember.run({ ...member, createdAt }).lastInsertRowid);
        for (const locationId of locationIds) insertMemberLocation.run(id, locationId);
        return id;
      })();
    },
  };
}
