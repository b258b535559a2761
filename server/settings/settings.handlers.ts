// Client Connect settings (R1–R6): read and save them. A save names the version it was edited
// from; a stale one is a conflict carrying the current settings, and nothing changes. A saved
// change is audited and pushed to every staff app and client connection at once (R3).
import { err, ok } from '../../shared/result';
import type { RealtimeContext } from '../realtime/context';
import type { StaffSocket } from '../realtime/types';

export const SETTINGS_SUBJECT = 'Client Connect settings';

export function registerSettingsHandlers(socket: StaffSocket, { repos, clock, onStaff, pushes }: RealtimeContext): void {
  onStaff(socket, 'settings:get', () => ok(repos.workspace.settingsState()));

  onStaff(socket, 'settings:update', (payload, { session, memberName, afterAck }) => {
    const now = clock.now();
    const outcome = repos.transaction(() => {
      const update = repos.workspace.updateSettings(payload.settings, payload.baseVersion, now);
      if (update.kind === 'updated') {
        repos.audit.record({
          at: now,
          actor: { id: session.memberId, name: memberName },
          action: 'settings.update',
          subject: SETTINGS_SUBJECT,
          before: update.before.settings,
          after: update.after.settings,
        });
      }
      return update;
    });
    switch (outcome.kind) {
      case 'conflict':
        return err(
          'conflict',
          'Someone else saved these settings since you opened them. Review the current settings and save again.',
          outcome.current,
        );
      case 'unchanged':
        return ok(outcome.current);
      case 'updated':
        afterAck(() => pushes.settingsUpdated(outcome.after));
        return ok(outcome.after);
    }
  });
}
