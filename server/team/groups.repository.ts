// Permission groups: what each grants (R7) and the version an edit must be based on.
import type { Database } from 'better-sqlite3';
import type { PermissionGroup } from '../../shared/teamEvents';
import type { GroupGrants } from '../../shared/permissions';

type GroupRow = {
  id: number;
  name: string;
  access_chats: number;
  reply_chats: number;
  manage_settings: number;
  manage_team: number;
  version: number;
  member_count: number;
};

type GrantColumns = Record<keyof GroupGrants, number>;

export type GroupEdit = { name: string; grants: GroupGrants };

/** `conflict` when the edit was based on an older version; `name_taken` when another group
 * already has the name. Nothing is changed in either case. */
export type GroupUpdate =
  | { kind: 'updated'; before: PermissionGroup; after: PermissionGroup }
  | { kind: 'unchanged'; current: PermissionGroup }
  | { kind: 'conflict'; current: PermissionGroup }
  | { kind: 'name_taken' }
  | { kind: 'not_found' };

/** Members of every role and state count: a deactivated member keeps their group for when they
 * are reactivated, so a group with one is not empty. */
export type GroupDeletion = { kind: 'deleted'; group: PermissionGroup } | { kind: 'has_members'; memberCount: number } | { kind: 'not_found' };

export const grantColumns = (grants: GroupGrants): GrantColumns => ({
  accessChats: Number(grants.accessChats),
  replyChats: Number(grants.replyChats),
  manageSettings: Number(grants.manageSettings),
  manageTeam: Number(grants.manageTeam),
});

const toGroup = (row: GroupRow): PermissionGroup => ({
  id: row.id,
  name: row.name,
  grants: {
    accessChats: row.access_chats === 1,
    replyChats: row.reply_chats === 1,
    manageSettings: row.manage_settings === 1,
    manageTeam: row.manage_team === 1,
  },
  memberCount: row.member_count,
  version: row.version,
});

const sameEdit = (group: PermissionGroup, edit: GroupEdit) =>
  group.name === edit.name &&
  (Object.keys(edit.grants) as (keyof GroupGrants)[]).every((key) => group.grants[key] === edit.grants[key]);

// Owners are in no group (they have everything), so only members are counted.
const GROUP_SELECT = `SELECT g.id, g.name, g.access_chats, g.reply_chats, g.manage_settings, g.manage_team, g.version,
    (SELECT count(*) FROM team_members m WHERE m.group_id = g.id AND m.role = 'member') AS member_count
  FROM permission_groups g`;

export type GroupRepository = ReturnType<typeof createGroupRepository>;

export function createGroupRepository(db: Database) {
  const selectAll = db.prepare<[], GroupRow>(`${GROUP_SELECT} ORDER BY g.name COLLATE NOCASE, g.id`);
  const selectById = db.prepare<[number], GroupRow>(`${GROUP_SELECT} WHERE g.id = ?`);
  // Names are unique regardless of case, so "Stylists" and "stylists" cannot both exist.
  const selectIdByName = db.prepare<[string], { id: number }>(
    'SELECT id FROM permission_groups WHERE name = ? COLLATE NOCASE',
  );
  const insertGroup = db.prepare<{ name: string } & GrantColumns>(
    `INSERT INTO permission_groups (name, access_chats, reply_chats, manage_settings, manage_team)
     VALUES (:name, :accessChats, :replyChats, :manageSettings, :manageTeam)`,
  );
  const updateGroup = db.prepare<{ id: number; name: string } & GrantColumns>(
    `UPDATE permission_groups SET name = :name, access_chats = :accessChats, reply_chats = :replyChats,
       manage_settings = :manageSettings, manage_team = :manageTeam, version = version + 1
     WHERE id = :id`,
  );

  const countMembers = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM team_members WHERE group_id = ?');
  const deleteGroup = db.prepare<[number]>('DELETE FROM permission_groups WHERE id = ?');

  const byId = (id: number): PermissionGroup | null => {
    const row = selectById.get(id);
    return row ? toGroup(row) : null;
  };
  const nameTakenByOther = (name: string, id: number | null) => {
    const holder = selectIdByName.get(name);
    return holder !== undefined && holder.id !== id;
  };

  const update = db.transaction((id: number, edit: GroupEdit, baseVersion: number): GroupUpdate => {
    const current = byId(id);
    if (!current) return { kind: 'not_found' };
    if (current.version !== baseVersion) return { kind: 'conflict', current };
    if (sameEdit(current, edit)) return { kind: 'unchanged', current };
    if (nameTakenByOther(edit.name, id)) return { kind: 'name_taken' };
    updateGroup.run({ id, name: edit.name, ...grantColumns(edit.grants) });
    const after = byId(id);
    if (!after) throw new Error(`Permission group ${id} vanished inside its own transaction.`);
    return { kind: 'updated', before: current, after };
  });

  // Counted and deleted in one transaction: nobody can join the group in between (the foreign
  // key would otherwise quietly leave a new member in no group).
  const remove = db.transaction((id: number): GroupDeletion => {
    const group = byId(id);
    if (!group) return { kind: 'not_found' };
    const memberCount = countMembers.get(id)?.n ?? 0;
    if (memberCount > 0) return { kind: 'has_members', memberCount };
    deleteGroup.run(id);
    return { kind: 'deleted', group };
  });

  return {
    list(): PermissionGroup[] {
      return selectAll.all().map(toGroup);
    },
    findById: byId,
    /** Creates a group, or returns null when the name is taken. */
    create(edit: GroupEdit): PermissionGroup | null {
      return db.transaction(() => {
        if (nameTakenByOther(edit.name, null)) return null;
        const id = Number(insertGroup.run({ name: edit.name, ...grantColumns(edit.grants) }).lastInsertRowid);
        return byId(id);
      })();
    },
    /** Deletes a group nobody is in. */
    remove(id: number): GroupDeletion {
      return remove(id);
    },
    /** Takes effect at each member's next sign-in (R8): sessions keep their snapshot. */
    update(id: number, edit: GroupEdit, baseVersion: number): GroupUpdate {
      return update(id, edit, baseVersion);
    },
  };
}
