// Settings → Team (R7, R8, R12): permission groups, adding team members, who is in which, where
// they work, and signing a member out everywhere (which, like setting their password, also ends
// their quick-switch PIN). Every change is audited in the transaction that makes it.
// Changes reach a member's sessions at their next sign-in (R8), or at once after a sign-out
// everywhere; every manager's Team page gets the changed team at once.
import type { PermissionGroup, Team, TeamMember } from '../../shared/teamEvents';
import type { GroupGrants } from '../../shared/permissions';
import { err, ok, type Err } from '../../shared/result';
import type { NewAuditEntry } from '../audit/audit.repository';
import type { RealtimeContext } from '../realtime/context';
import type { StaffRequestContext } from '../realtime/on';
import type { StaffSocket } from '../realtime/types';
import type { Repositories } from '../repositories';
import { createTeamRules } from './teamRules';

/** Reply without Access is not possible (R7): refused rather than silently dropped. */
function replyNeedsAccess(grants: GroupGrants): Err | null {
  if (!grants.replyChats || grants.accessChats) return null;
  const message = 'Reply to client chats needs Access client chats too.';
  return err('bad_request', message, [{ path: 'grants.replyChats', message }]);
}

const groupSubject = (group: { name: string }) => `Permission group "${group.name}"`;
const groupAudit = (group: PermissionGroup) => ({ name: group.name, grants: group.grants });
const nameTaken = () => err('conflict', 'Another permission group already has that name. Choose a different name.');

/** A member's group and locations as the audit log shows them: ids with their names. */
function membershipAudit(repos: Repositories, member: TeamMember) {
  const group = member.groupId === null ? null : repos.groups.findById(member.groupId);
  return {
    group: group ? { id: group.id, name: group.name } : null,
    locations: repos.workspace.locationsByIds(member.locationIds),
  };
}

const idSet = (ids: readonly number[]) => [...new Set(ids)].sort((a, b) => a - b).join(',');

/** A member's group and locations as asked for: the group exists, and they work at one or more
 * existing locations (with none they would see nothing at all). Answers the locations once each. */
function checkMembership(repos: Repositories, groupId: number, requested: readonly number[]): Err | { locationIds: number[] } {
  if (!repos.groups.findById(groupId)) return err('not_found', 'This permission group does not exist.');
  const locationIds = [...new Set(requested)];
  if (locationIds.length === 0) {
    const message = 'Choose at least one location the team member works at.';
    return err('bad_request', message, [{ path: 'locationIds', message }]);
  }
  if (repos.workspace.locationsByIds(locationIds).length !== locationIds.length) {
    return err('not_found', 'One of the chosen locations does not exist.');
  }
  return { locationIds };
}

export function registerTeamHandlers(socket: StaffSocket, { repos, clock, onStaff, pushes, hashing }: RealtimeContext): void {
  /** Through the hash gate like every password hash; a full gate answers busy. */
  const hashNewPassword = async (password: string): Promise<string | Err> => {
    const slot = hashing.reserve(socket.handshake.address);
    if (!slot) return err('rate_limited', 'The server is busy checking sign-ins. Try again in a few seconds.');
    return slot.run((hasher) => hasher.hash(password));
  };
  const audited = (context: StaffRequestContext, entry: Omit<NewAuditEntry, 'at' | 'actor'>) =>
    repos.audit.record({ ...entry, at: clock.now(), actor: { id: context.session.memberId, name: context.memberName } });
  const rules = createTeamRules(repos, clock);
  const team = (): Team => ({ groups: repos.groups.list(), members: repos.team.list(), locations: repos.workspace.locations() });
  /** After the ack, so the manager who saved hears back before the push. */
  const pushTeam = (context: StaffRequestContext) => context.afterAck(() => pushes.teamUpdated(team()));

  onStaff(socket, 'team:get', () => ok(team()));

  onStaff(socket, 'group:create', (payload, context) => {
    const invalid = replyNeedsAccess(payload.grants) ?? rules.groupCreate(context, payload.name, payload.grants);
    if (invalid) return invalid;
    const created = repos.transaction(() => {
      const group = repos.groups.create({ name: payload.name, grants: payload.grants });
      if (group) audited(context, { action: 'group.create', subject: groupSubject(group), before: null, after: groupAudit(group) });
      return group;
    });
    if (!created) return nameTaken();
    pushTeam(context);
    return ok(created);
  });

  onStaff(socket, 'group:update', (payload, context) => {
    const invalid = replyNeedsAccess(payload.grants) ?? rules.groupUpdate(context, payload.groupId, payload.name, payload.grants);
    if (invalid) return invalid;
    const outcome = repos.transaction(() => {
      const update = repos.groups.update(payload.groupId, { name: payload.name, grants: payload.grants }, payload.baseVersion);
      if (update.kind === 'updated') {
        audited(context, {
          action: 'group.update',
          subject: groupSubject(update.after),
          before: groupAudit(update.before),
          after: groupAudit(update.after),
        });
      }
      return update;
    });
    switch (outcome.kind) {
      case 'not_found':
        return err('not_found', 'This permission group does not exist.');
      case 'name_taken':
        return nameTaken();
      case 'conflict':
        return err(
          'conflict',
          'Someone else saved this permission group since you opened it. Review the current version and save again.',
          outcome.current,
        );
      case 'unchanged':
        return ok(outcome.current);
      case 'updated':
        pushTeam(context);
        return ok(outcome.after);
    }
  });

  onStaff(socket, 'member:create', async (payload, context) => {
    const membership = checkMembership(repos, payload.groupId, payload.locationIds);
    if (!('locationIds' in membership)) return membership;
    const refused = rules.memberCreate(context, payload.name, payload.groupId, membership.locationIds);
    if (refused) return refused;
    const emailTaken = () => {
      const message = 'A team member already signs in with this email.';
      return err('conflict', message, [{ path: 'email', message }]);
    };
    if (repos.team.credentialsByEmail(payload.email)) return emailTaken();
    const passwordHash = await hashNewPassword(payload.password);
    if (typeof passwordHash !== 'string') return passwordHash;
    const created = repos.transaction(() => {
      // Checked again: another manager may have added the email while the password was hashed.
      if (repos.team.credentialsByEmail(payload.email)) return null;
      const memberId = repos.team.createMember(
        { name: payload.name, email: payload.email, passwordHash, role: 'member', groupId: payload.groupId },
        clock.now(),
        membership.locationIds,
      );
      const member = repos.team.teamMember(memberId);
      if (!member) throw new Error(`Team member ${memberId} vanished inside its own transaction.`);
      audited(context, { action: 'member.create', subject: `Team member ${member.name}`, before: null, after: { email: member.email, ...membershipAudit(repos, member) } });
      return member;
    });
    if (!created) return emailTaken();
    pushTeam(context);
    return ok(created);
  });

  onStaff(socket, 'member:update', (payload, context) => {
    const member = repos.team.teamMember(payload.memberId);
    if (!member) return err('not_found', 'This team member does not exist.');
    // An owner is refused by the rules whatever was asked, so their request is not validated first.
    const membership = member.role === 'owner' ? { locationIds: payload.locationIds } : checkMembership(repos, payload.groupId, payload.locationIds);
    if (!('locationIds' in membership)) return membership;
    const { locationIds } = membership;
    const refused = rules.memberUpdate(context, member, payload.groupId, locationIds);
    if (refused) return refused;
    if (member.groupId === payload.groupId && idSet(member.locationIds) === idSet(locationIds)) return ok(member);

    const updated = repos.transaction(() => {
      const before = membershipAudit(repos, member);
      repos.team.setMembership(member.id, payload.groupId, locationIds);
      const after = repos.team.teamMember(member.id);
      if (!after) throw new Error(`Team member ${member.id} vanished inside its own transaction.`);
      audited(context, { action: 'member.update', subject: `Team member ${member.name}`, before, after: membershipAudit(repos, after) });
      return after;
    });
    pushTeam(context);
    return ok(updated);
  });

  onStaff(socket, 'member:set-password', async (payload, context) => {
    const member = repos.team.memberById(payload.memberId);
    if (!member) return err('not_found', 'This team member does not exist.');
    const refused = rules.manageMember(context, 'member:set-password', member.id);
    if (refused) return refused;
    const checked = repos.team.credentialsByEmail(member.email)?.passwordHash;
    const passwordHash = await hashNewPassword(payload.password);
    if (typeof passwordHash !== 'string') return passwordHash;
    const ended = repos.transaction(() => {
      // Unless the password changed while this one was hashed: then the newer one stays.
      if (checked === undefined || !repos.team.replacePasswordHash(member.id, checked, passwordHash)) return null;
      const sessionIds = repos.sessions.revokeAllOfMember(member.id, clock.now());
      // Their PIN ends too: whoever may have learned the password may know it (they set a new one).
      const pinCleared = repos.reception.clearPin(member.id, 'password-reset', clock.now());
      // Never the password itself, nor its hash.
      audited(context, {
        action: 'member.setPassword',
        subject: `Team member ${member.name}`,
        before: null,
        after: { endedSessions: sessionIds.length, pinCleared },
      });
      return sessionIds;
    });
    if (ended === null) return err('conflict', `${member.name}'s password was changed just now. Check with them before setting it again.`);
    // After the ack, so a manager setting their own password still hears back first.
    context.afterAck(() => pushes.sessionsEnded(ended, 'password-changed'));
    return ok({ endedSessions: ended.length });
  });

  onStaff(socket, 'member:sign-out-everywhere', (payload, context) => {
    const member = repos.team.memberById(payload.memberId);
    if (!member) return err('not_found', 'This team member does not exist.');
    const refused = rules.manageMember(context, 'member:sign-out-everywhere', member.id);
    if (refused) return refused;
    const ended = repos.transaction(() => {
      const sessionIds = repos.sessions.revokeAllOfMember(member.id, clock.now());
      // A PIN would let them straight back in at any reception computer: it ends too.
      const pinCleared = repos.reception.clearPin(member.id, 'signed-out-everywhere', clock.now());
      audited(context, {
        action: 'member.signOutEverywhere',
        subject: `Team member ${member.name}`,
        before: { activeSessions: sessionIds.length },
        after: { activeSessions: 0, ...(pinCleared ? { pinCleared } : {}) },
      });
      return sessionIds;
    });
    // After the ack, so a manager signing themselves out still hears back first.
    context.afterAck(() => pushes.sessionsEnded(ended, 'signed-out-everywhere'));
    return ok({ endedSessions: ended.length });
  });
}
