// The member's session: from sign-in when we have it, else fetched once connected. Workspace
// settings follow 'settings:updated' pushes so changes apply without signing in again (R3).
import { useEffect, useState } from 'react';
import type { SessionInfo } from '../../shared/domain';
import type { StaffApi } from '../api/staffApi';
import { STARTUP_MARKS } from '../../shared/startupMarks';
import { markStartup } from '../ui/startupMarks';

export function useSessionInfo(api: StaffApi, fromSignIn: SessionInfo | null): SessionInfo | null {
  const [session, setSession] = useState(fromSignIn);

  useEffect(() => {
    const offConnected = api.whenConnected(() => {
      // Refreshed on reconnect too: settings may have changed while we were away.
      void api.request('session:get', {}).then((result) => {
        markStartup(STARTUP_MARKS.sessionAnswered);
        if (result.ok) setSession(result.data);
      });
    });
    const offSettings = api.subscribe('settings:updated', ({ settings }) =>
      setSession((current) => current && { ...current, workspace: { ...current.workspace, settings } }),
    );
    return () => {
      offConnected();
      offSettings();
    };
  }, [api]);

  return session;
}
