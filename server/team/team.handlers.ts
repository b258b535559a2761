// Settings → Team (R7, R8, R12): each request goes to the team's services (groupService.ts,
// teamService.ts), which check the Team page's rules, change and audit. The handler answers, then
// pushes: the changed team to every manager's Team page, and to the sessions a change ended, why.
import { ok, type Err, type Result } from '../../shared/result';
import type { Team } from '../../shared/teamEvents';
import type { RealtimeContext } from '../realtime/context';
import type { StaffRequestContext } from '../realtime/on';
import type { SessionEndReason } from '../realtime/pushes';
import type { StaffSocket } from '../realtime/types';
import { createGroupService } from './groupService';
import { createTeamAudit } from './teamAudit';
import type { TeamChange } from './teamChange';
import { createTeamRules } from './teamRules';
import { createTeamService, type EndedSessions } from './teamService';

export function registerTeamHandlers(socket: StaffSocket, { repos, clock, hashing, onStaff, pushes }: RealtimeContext): void {
  const rules = createTeamRules(repos, clock);
  const audit = createTeamAudit(repos, clock);
  const groups = createGroupService(repos, rules, audit);
  const members = createTeamService({ repos, clock, hashing }, rules, audit);
  const team = (): Team => ({ groups: repos.groups.list(), members: repos.team.list(), locations: repos.workspace.locations() });

  /** The answer; a change also goes to every open Team page, after the ack, so the manager who
   * saved hears back before the push. */
  const answer = <T>(context: StaffRequestContext, change: TeamChange<T>): Result<T> => {
    if (!change.ok) return change;
    if (change.changed) context.afterAck(() => pushes.teamUpdated(team()));
    return ok(change.data);
  };
  /** After the ack, so a manager ending their own session still hears back first. */
  const endSessions = (context: StaffRequestContext, ended: Err | EndedSessions, reason: SessionEndReason) => {
    if ('ok' in ended) return ended;
    context.afterAck(() => pushes.sessionsEnded(ended.endedSessionIds, reason));
    return ok({ endedSessions: ended.endedSessionIds.length });
  };

  onStaff(socket, 'team:get', () => ok(team()));
  onStaff(socket, 'group:create', (payload, context) => answer(context, groups.create(context, payload)));
  onStaff(socket, 'group:update', (payload, context) => answer(context, groups.update(context, payload)));
  onStaff(socket, 'group:delete', (payload, context) => answer(context, groups.remove(context, payload.groupId)));
  onStaff(socket, 'member:create', async (payload, context) => answer(context, await members.create(context, payload)));
  onStaff(socket, 'member:update', (payload, context) => answer(context, members.update(context, payload)));
  onStaff(socket, 'member:set-password', async (payload, context) =>
    endSessions(context, await members.setPassword(context, payload.memberId, payload.password), 'password-changed'),
  );
  onStaff(socket, 'member:sign-out-everywhere', (payload, context) =>
    endSessions(context, members.signOutEverywhere(context, payload.memberId), 'signed-out-everywhere'),
  );
  onStaff(socket, 'member:deactivate', (payload, context) => {
    const deactivated = answer(context, members.deactivate(context, payload.memberId));
    return deactivated.ok ? endSessions(context, deactivated.data, 'deactivated') : deactivated;
  });
  onStaff(socket, 'member:reactivate', (payload, context) => answer(context, members.reactivate(context, payload.memberId)));
}
