// Settings → Team's data: groups, members and locations, fetched on (re)connect and again after
// every change saved here; another manager's change arrives as a push (an editor already open
// keeps its draft, and a stale group edit is caught by its baseVersion). Until the server
// answers, the copy cached on this computer is shown, so a manager can edit groups offline.
import { useCallback, useEffect, useState } from 'react';
import type { Team } from '../../shared/teamEvents';
import { describeError } from '../api/errors';
import { offlineCache } from '../offline/offlineCache';
import { useStaff } from '../session/StaffContext';

export function useTeam() {
  const { api, bridge, session } = useStaff();
  const memberId = session.member.id;
  const [team, setTeam] = useState<Team | null>(null);
  const [error, setError] = useState<string | null>(null);

  const received = useCallback(
    (current: Team) => {
      setTeam(current);
      void offlineCache.writeTeam(bridge, memberId, current);
    },
    [bridge, memberId],
  );

  const reload = useCallback(async (): Promise<Team | null> => {
    const result = await api.request('team:get', {});
    setError(result.ok ? null : describeError(result.error));
    if (!result.ok) return null;
    received(result.data);
    return result.data;
  }, [api, received]);

  useEffect(() => {
    let current = true;
    void offlineCache.readTeam(bridge, memberId).then((cached) => {
      if (current && cached) setTeam((live) => live ?? cached);
    });
    return () => {
      current = false;
    };
  }, [bridge, memberId]);

  useEffect(() => api.whenConnected(() => void reload()), [api, reload]);
  useEffect(() => api.subscribe('team:updated', received), [api, received]);

  return { team, error, reload, api };
}
