// Settings → Team's data: groups, members and locations, fetched on (re)connect and again after
// every change saved here (other managers' changes arrive with the next fetch; a stale group
// edit is caught by its baseVersion). Until the server answers, the copy cached on this computer
// is shown, so a manager can edit groups offline.
import { useCallback, useEffect, useState } from 'react';
import type { Team } from '../../shared/adminEvents';
import { describeError } from '../api/errors';
import { offlineCache } from '../offline/offlineCache';
import { useStaff } from '../session/StaffContext';

export function useTeam() {
  const { api, bridge, session } = useStaff();
  const memberId = session.member.id;
  const [team, setTeam] = useState<Team | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async (): Promise<Team | null> => {
    const result = await api.request('team:get', {});
    setError(result.ok ? null : describeError(result.error));
    if (!result.ok) return null;
    setTeam(result.data);
    void offlineCache.writeTeam(bridge, memberId, result.data);
    return result.data;
  }, [api, bridge, memberId]);

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

  return { team, error, reload, api };
}
