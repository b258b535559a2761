// Managers read and save each location's opening hours and after-hours reply (Settings).
import { can } from '../../shared/permissions';
import { ok } from '../../shared/result';
import type { RealtimeContext } from '../realtime/context';
import type { StaffSocket } from '../realtime/types';
import { locationHoursState, saveLocationHours } from './locationHours';

export function registerOpeningHoursHandlers(socket: StaffSocket, { repos, clock, onStaff }: RealtimeContext): void {
  onStaff(socket, 'openingHours:list', (_payload, { session }) =>
    ok({ locations: repos.workspace.locationsByIds(session.locationIds).map((location) => locationHoursState(repos, location)) }),
  );

  onStaff(socket, 'openingHours:update', (payload, { session, memberName }) =>
    saveLocationHours(repos, {
      locationId: payload.locationId,
      settings: payload.settings,
      baseVersion: payload.baseVersion,
      actor: { id: session.memberId, name: memberName },
      actorMayReply: can(session.grants, 'chats.reply'),
      locationIds: session.locationIds,
      now: clock.now(),
    }),
  );
}
