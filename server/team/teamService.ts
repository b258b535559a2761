// Team members on the Team page (R8, R12): adding one, their group and locations, a forgotten
// password, signing them out everywhere, deactivating and reactivating them. Each is checked
// against the Team page's rules (teamRules.ts) and audited in the transaction that makes it.
// Changes reach a member's sessions at their next sign-in (R8); signing out everywhere, a new
// password and deactivating end them now (and the member's quick-switch PIN with them).
import { err, type Err } from '../../shared/result';
import type { TeamMember } from '../../shared/teamEvents';
import { createPasswordService } from '../auth/passwordService';
import type { ServerDeps } from '../deps';
import type { StaffRequestContext } from '../realtime/on';
import type { Repositories } from '../repositories';
import type { TeamAudit } from './teamAudit';
import { changed, unchanged, type TeamChange } from './teamChange';
import type { TeamRules } from './teamRules';

/** Sessions a request ended, for the handler to tell them why once it has answered. */
export type EndedSessions = { endedSessionIds: number[] };

const memberSubject = (member: { name: string }) => `Team member ${member.name}`;
const missing = () => err('not_found', 'This team member does not exist.');
const idSet = (ids: readonly number[]) => [...new Set(ids)].sort((a, b) => a - b).join(',');

/** A member's group and locations as the audit log shows them: ids with their names. */
function membershipAudit(repos: Repositories, member: TeamMember) {
  const group = member.groupId === null ? null : repos.groups.findById(member.groupId);
  return {
    group: group ? { id: group.id, name: group.name } : null,
    locations: repos.workspace.locationsByIds(member.locationIds),
  };
}

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

const emailTaken = () => {
  const message = 'A team member already signs in with this email.';
  return err('conflict', message, [{ path: 'email', message }]);
};

export type NewMemberRequest = { name: string; email: string; password: string; groupId: number; locationIds: number[] };

export type TeamService = ReturnType<typeof createTeamService>;

export function createTeamService({ repos, clock, hashing }: Pick<ServerDeps, 'repos' | 'clock' | 'hashing'>, rules: TeamRules, audit: TeamAudit) {
  const passwords = createPasswordService(repos, clock);
  /** Through the hash gate like every password hash; a full gate answers busy. */
  const hashNewPassword = async (context: StaffRequestContext, password: string): Promise<string | Err> => {
    const slot = hashing.reserve(context.socket.handshake.address);
    if (!slot) return err('rate_limited', 'The server is busy checking sign-ins. Try again in a few seconds.');
    return slot.run((hasher) => hasher.hash(password));
  };
  const teamMemberOf = (memberId: number): TeamMember => {
    const member = repos.team.teamMember(memberId);
    if (!member) throw new Error(`Team member ${memberId} vanished inside its own transaction.`);
    return member;
  };

  return {
    async create(context: StaffRequestContext, request: NewMemberRequest): Promise<TeamChange<TeamMember>> {
      const membership = checkMembership(repos, request.groupId, request.locationIds);
      if (!('locationIds' in membership)) return membership;
      const refused = rules.memberCreate(context, request.name, request.groupId, membership.locationIds);
      if (refused) return refused;
      if (repos.team.credentialsByEmail(request.email)) return emailTaken();
      const passwordHash = await hashNewPassword(context, request.password);
      if (typeof passwordHash !== 'string') return passwordHash;
      const created = repos.transaction(() => {
        // Checked again: another manager may have added the email while the password was hashed.
        if (repos.team.credentialsByEmail(request.email)) return null;
        const memberId = repos.team.createMember(
          { name: request.name, email: request.email, passwordHash, role: 'member', groupId: request.groupId },
          clock.now(),
          membership.locationIds,
        );
        const member = teamMemberOf(memberId);
        audit.record(context, { action: 'member.create', subject: memberSubject(member), before: null, after: { email: member.email, ...membershipAudit(repos, member) } });
        return member;
      });
      return created ? changed(created) : emailTaken();
    },

    update(context: StaffRequestContext, request: { memberId: number; groupId: number; locationIds: number[] }): TeamChange<TeamMember> {
      const member = repos.team.teamMember(request.memberId);
      if (!member) return missing();
      // Owners are refused whatever was asked, so what they were asked is not validated first.
      const ownerRefused = rules.ownerMembership(context, member, request.groupId, request.locationIds);
      if (ownerRefused) return ownerRefused;
      const membership = checkMembership(repos, request.groupId, request.locationIds);
      if (!('locationIds' in membership)) return membership;
      const { locationIds } = membership;
      const refused = rules.memberUpdate(context, member, request.groupId, locationIds);
      if (refused) return refused;
      if (member.groupId === request.groupId && idSet(member.locationIds) === idSet(locationIds)) return unchanged(member);
      const updated = repos.transaction(() => {
        const before = membershipAudit(repos, member);
        repos.team.setMembership(member.id, request.groupId, locationIds);
        const after = teamMemberOf(member.id);
        audit.record(context, { action: 'member.update', subject: memberSubject(member), before, after: membershipAudit(repos, after) });
        return after;
      });
      return changed(updated);
    },

    /** A forgotten password: every session of the member ends, and their PIN. */
    async setPassword(context: StaffRequestContext, memberId: number, password: string): Promise<Err | EndedSessions> {
      const member = repos.team.memberById(memberId);
      if (!member) return missing();
      const refused = rules.manageMember(context, 'member:set-password', member.id);
      if (refused) return refused;
      const checked = repos.team.credentialsByEmail(member.email)?.passwordHash;
      const passwordHash = await hashNewPassword(context, password);
      if (typeof passwordHash !== 'string') return passwordHash;
      // Unless the password changed while this one was hashed: then the newer one stays.
      const replaced =
        checked === undefined
          ? null
          : passwords.replace({
              memberId: member.id,
              checkedHash: checked,
              newHash: passwordHash,
              pinClearReason: 'password-reset',
              keepSessionId: null,
              audit: { actor: audit.actorOf(context), subject: memberSubject(member) },
            });
      if (replaced === null) return err('conflict', `${member.name}'s password was changed just now. Check with them before setting it again.`);
      return { endedSessionIds: replaced.endedSessionIds };
    },

    signOutEverywhere(context: StaffRequestContext, memberId: number): Err | EndedSessions {
      const member = repos.team.memberById(memberId);
      if (!member) return missing();
      const refused = rules.manageMember(context, 'member:sign-out-everywhere', member.id);
      if (refused) return refused;
      return repos.transaction(() => {
        const endedSessionIds = repos.sessions.revokeAllOfMember(member.id, clock.now());
        // A PIN would let them straight back in at any reception computer: it ends too.
        const pinCleared = repos.reception.clearPin(member.id, 'signed-out-everywhere', clock.now());
        audit.record(context, {
          action: 'member.signOutEverywhere',
          subject: memberSubject(member),
          before: { activeSessions: endedSessionIds.length },
          after: { activeSessions: 0, ...(pinCleared ? { pinCleared } : {}) },
        });
        return { endedSessionIds };
      });
    },

    /** Not a deletion: their messages and audit history keep their name. They cannot sign in
     * (with a password or a PIN) until reactivated; their sessions and PIN end now. */
    deactivate(context: StaffRequestContext, memberId: number): TeamChange<EndedSessions> {
      const member = repos.team.teamMember(memberId);
      if (!member) return missing();
      const refused = rules.deactivation(context, 'member:deactivate', member);
      if (refused) return refused;
      if (member.deactivatedAt !== undefined) return unchanged({ endedSessionIds: [] });
      return repos.transaction(() => {
        const now = clock.now();
        repos.team.setDeactivated(member.id, now);
        const endedSessionIds = repos.sessions.revokeAllOfMember(member.id, now);
        const pinCleared = repos.reception.clearPin(member.id, 'deactivated', now);
        audit.record(context, {
          action: 'member.deactivate',
          subject: memberSubject(member),
          before: { active: true },
          after: { active: false, endedSessions: endedSessionIds.length, pinCleared },
        });
        return changed({ endedSessionIds });
      });
    },

    /** They sign in again with the password, group and locations they had. */
    reactivate(context: StaffRequestContext, memberId: number): TeamChange<TeamMember> {
      const member = repos.team.teamMember(memberId);
      if (!member) return missing();
      const refused = rules.deactivation(context, 'member:reactivate', member);
      if (refused) return refused;
      if (member.deactivatedAt === undefined) return unchanged(member);
      return repos.transaction(() => {
        repos.team.setDeactivated(member.id, null);
        audit.record(context, { action: 'member.reactivate', subject: memberSubject(member), before: { active: false }, after: { active: true } });
        return changed(teamMemberOf(member.id));
      });
    },
  };
}
