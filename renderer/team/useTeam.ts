// Settings → Team's data: groups, members and locations, fetched on (re)connect and again after
// every change saved here (other managers' changes arrive with the next fetch; a stale group
// edit is caught by its baseVersion).
import { useCallback, useEffect, useState } from 'react';
import type { Team } from '../../shared/adminEvents';
import { describeError } from '../api/errors';
import { useStaff } from '../session/StaffContext';

export function useTeam() {
  const { api } = useStaff();
  const [team, setTeam] = useState<Team | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async (): Promise<Team | null> => {
    const result = await api.request('team:get', {});
    setError(result.ok ? null : describeError(result.error));
    if (!result.ok) return null;
    setTeam(result.data);
    return result.data;
  }, [api]);

  useEffect(() => api.whenConnected(() => void reload()), [api, reload]);

  return { team, error, reload, api };
}
