// A member's own notification preferences (R10): read and save them. Any signed-in member may,
// for themselves only. A save goes live to every device the member is signed in on.
import type { NotificationPrefs } from '../../shared/profile';
import { err, ok } from '../../shared/result';
import type { RealtimeContext } from '../realtime/context';
import type { StaffSocket } from '../realtime/types';

/** Same order every time, so an unchanged save is recognised as unchanged. */
const normalised = (prefs: NotificationPrefs): NotificationPrefs => ({
  desktop: prefs.desktop,
  sound: prefs.sound,
  showPreview: prefs.showPreview,
  mutedLocationIds: [...new Set(prefs.mutedLocationIds)].sort((a, b) => a - b),
  quietHours: prefs.quietHours ? { start: prefs.quietHours.start, end: prefs.quietHours.end } : null,
  assignments: prefs.assignments,
  mentions: prefs.mentions,
  // Optional (absent: no reminders), so preferences saved before it existed compare equal.
  ...(prefs.reminderMinutes ? { reminderMinutes: prefs.reminderMinutes } : {}),
});

export function registerProfileHandlers(socket: StaffSocket, { repos, clock, onStaff, pushes }: RealtimeContext): void {
  onStaff(socket, 'profile:get', (_payload, { session }) => ok(repos.profile.get(session.memberId)));

  onStaff(socket, 'profile:update', (payload, { session, afterAck }) => {
    const foreign = payload.prefs.mutedLocationIds.filter((id) => !session.locationIds.includes(id));
    if (foreign.length > 0) {
      const message = 'You can only choose locations you work at.';
      return err('bad_request', message, [{ path: 'prefs.mutedLocationIds', message }]);
    }
    const outcome = repos.profile.update(session.memberId, normalised(payload.prefs), payload.baseVersion, clock.now());
    switch (outcome.kind) {
      case 'conflict':
        return err('conflict', 'Your preferences were changed on another device. Review them and save again.', outcome.state);
      case 'unchanged':
        return ok(outcome.state);
      case 'updated':
        afterAck(() => pushes.profileUpdated(session.memberId, outcome.state));
        return ok(outcome.state);
    }
  });
}
