// Runs the signed-in member's offline machinery for as long as they are signed in: on every
// (re)connect it catches up from the last position seen, sends the outbox in order, applies
// queued offline edits (groups and settings) and refreshes a manager's cached team; between
// reconnects it keeps the catch-up position fresh after bursts of pushes, so a reload replays little. Other tabs' outbox changes arrive as storage events.
import { useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { can } from '../../shared/permissions';
import type { ConnectionStatus } from '../api/connectionStatus';
import { browserLocks } from '../sending/browserLocks';
import { createStaffOutbox, outboxKey } from '../sending/staffOutbox';
import { useStaff } from '../session/StaffContext';
import { createStaffCatchUp } from './catchUpStaff';
import { offlineCache } from './offlineCache';
import { OfflineContext, type OfflineContextValue } from './OfflineContext';
import { createPendingEdits, pendingEditsKey } from './pendingEdits';
import { createPendingSettings, pendingSettingsKey } from './pendingSettings';
import type { LocalPushApi } from './withLocalPushes';

/** After pushes stop for this long, catch up once to move the saved position forward. */
const POSITION_REFRESH_MS = 3_000;

interface OfflineProviderProps {
  api: LocalPushApi;
  isConnected: () => boolean;
  status: ConnectionStatus;
  children: ReactNode;
}

export function OfflineProvider({ api, isConnected, status, children }: OfflineProviderProps) {
  const { session, bridge } = useStaff();
  const memberId = session.member.id;
  const outbox = useMemo(
    () => createStaffOutbox({ api, prefs: bridge, memberId, isConnected, withLock: browserLocks() }),
    [api, bridge, memberId, isConnected],
  );
  const edits = useMemo(
    () => createPendingEdits(bridge, memberId, (update) => api.request('group:update', update)),
    [api, bridge, memberId],
  );
  const settingsEdits = useMemo(
    () => createPendingSettings(bridge, memberId, (update) => api.request('settings:update', update)),
    [api, bridge, memberId],
  );
  const catchUp = useMemo(() => createStaffCatchUp(api, bridge, memberId), [api, bridge, memberId]);
  // Kept fresh on every connect, so Settings → Team opens offline even if not visited before.
  const canManageTeam = can(session.grants, 'team.manage');
  const cacheTeam = useCallback(async () => {
    const result = await api.request('team:get', {});
    if (result.ok) await offlineCache.writeTeam(bridge, memberId, result.data);
  }, [api, bridge, memberId]);

  useEffect(() => {
    void outbox.refresh();
    void edits.load();
    void settingsEdits.load();
    let refreshTimer: number | undefined;
    const onStorage = (event: StorageEvent) => {
      if (event.key?.endsWith(outboxKey(memberId))) void outbox.refresh();
      if (event.key?.endsWith(pendingEditsKey(memberId))) void edits.load();
      if (event.key?.endsWith(pendingSettingsKey(memberId))) void settingsEdits.load();
    };
    window.addEventListener('storage', onStorage);
    const unsubscribers = [
      api.whenConnected(() => {
        void catchUp.run();
        if (canManageTeam) void cacheTeam();
        void outbox.flush();
        void edits.apply();
        void settingsEdits.apply();
      }),
      api.subscribe('message:created', () => {
        window.clearTimeout(refreshTimer);
        refreshTimer = window.setTimeout(() => void catchUp.run(), POSITION_REFRESH_MS);
      }),
    ];
    return () => {
      window.removeEventListener('storage', onStorage);
      window.clearTimeout(refreshTimer);
      unsubscribers.forEach((unsubscribe) => unsubscribe());
    };
  }, [api, outbox, edits, settingsEdits, catchUp, memberId, canManageTeam, cacheTeam]);

  const value = useMemo<OfflineContextValue>(
    () => ({ status, outbox, edits, settingsEdits }),
    [status, outbox, edits, settingsEdits],
  );
  return <OfflineContext value={value}>{children}</OfflineContext>;
}
