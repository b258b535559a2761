// Permission groups on the Team page (R7, R8): adding, editing and deleting one, each checked
// against the Team page's rules (teamRules.ts) and audited in the transaction that makes it.
// Answers what the request answers; the handler sends it and pushes the changed team.
import type { GroupGrants } from '../../shared/permissions';
import { err, type Err } from '../../shared/result';
import type { PermissionGroup } from '../../shared/teamEvents';
import type { StaffRequestContext } from '../realtime/on';
import type { Repositories } from '../repositories';
import type { TeamAudit } from './teamAudit';
import { changed, unchanged, type TeamChange } from './teamChange';
import type { TeamRules } from './teamRules';

/** Reply without Access is not possible (R7): refused rather than silently dropped. */
function replyNeedsAccess(grants: GroupGrants): Err | null {
  if (!grants.replyChats || grants.accessChats) return null;
  const message = 'Reply to client chats needs Access client chats too.';
  return err('bad_request', message, [{ path: 'grants.replyChats', message }]);
}

const groupSubject = (group: { name: string }) => `Permission group "${group.name}"`;
const groupAudit = (group: PermissionGroup) => ({ name: group.name, grants: group.grants });
const nameTaken = () => err('conflict', 'Another permission group already has that name. Choose a different name.');
const missing = () => err('not_found', 'This permission group does not exist.');


export type GroupService = ReturnType<typeof createGroupService>;

export function createGroupService(repos: Repositories, rules: TeamRules, audit: TeamAudit) {
  return {
    create(context: StaffRequestContext, edit: { name: string; grants: GroupGrants }): TeamChange<PermissionGroup> {
      const invalid = replyNeedsAccess(edit.grants) ?? rules.groupCreate(context, edit.name, edit.grants);
      if (invalid) return invalid;
      const created = repos.transaction(() => {
        const group = repos.groups.create(edit);
        if (group) audit.record(context, { action: 'group.create', subject: groupSubject(group), before: null, after: groupAudit(group) });
        return group;
      });
      return created ? changed(created) : nameTaken();
    },

    update(context: StaffRequestContext, edit: { groupId: number; name: string; grants: GroupGrants; baseVersion: number }): TeamChange<PermissionGroup> {
      const invalid = replyNeedsAccess(edit.grants) ?? rules.groupUpdate(context, edit.groupId, edit.name, edit.grants);
      if (invalid) return invalid;
      const outcome = repos.transaction(() => {
        const update = repos.groups.update(edit.groupId, { name: edit.name, grants: edit.grants }, edit.baseVersion);
        if (update.kind === 'updated') {
          audit.record(context, { action: 'group.update', subject: groupSubject(update.after), before: groupAudit(update.before), after: groupAudit(update.after) });
        }
        return update;
      });
      switch (outcome.kind) {
        case 'not_found':
          return missing();
        case 'name_taken':
          return nameTaken();
        case 'conflict':
          return err(
            'conflict',
            'Someone else saved this permission group since you opened it. Review the current version and save again.',
            outcome.current,
          );
        case 'unchanged':
          return unchanged(outcome.current);
        case 'updated':
          return changed(outcome.after);
      }
    },

    /** Only an empty group: its members (deactivated ones too, who keep it for their return)
     * move to another group first. */
    remove(context: StaffRequestContext, groupId: number): TeamChange<{ groupId: number }> {
      const refused = rules.groupDelete(context, groupId);
      if (refused) return refused;
      const outcome = repos.transaction(() => {
        const deletion = repos.groups.remove(groupId);
        if (deletion.kind === 'deleted') {
          audit.record(context, { action: 'group.delete', subject: groupSubject(deletion.group), before: groupAudit(deletion.group), after: null });
        }
        return deletion;
      });
      switch (outcome.kind) {
        case 'not_found':
          return missing();
        case 'has_members': {
          const who = outcome.memberCount === 1 ? '1 team member is' : `${outcome.memberCount} team members are`;
          return err('conflict', `${who} still in this group (deactivated members count too). Move them to another group first, then delete it.`, {
            memberCount: outcome.memberCount,
          });
        }
        case 'deleted':
          return changed({ groupId });
      }
    },
  };
}
