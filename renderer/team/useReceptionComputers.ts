// The computers set up for quick switching, for Settings → Team: fetched on (re)connect, and
// removing one (after the manager confirms in ReceptionComputers).
import { useCallback, useEffect, useState } from 'react';
import type { ReceptionComputer } from '../../shared/reception';
import { describeError } from '../api/errors';
import { useStaff } from '../session/StaffContext';

export function useReceptionComputers() {
  const { api } = useStaff();
  const [computers, setComputers] = useState<ReceptionComputer[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const result = await api.request('reception:list-computers', {});
    if (result.ok) setComputers(result.data.items);
    setError(result.ok ? null : describeError(result.error));
  }, [api]);
  useEffect(() => api.whenConnected(() => void reload()), [api, reload]);

  const remove = useCallback(
    async (computer: ReceptionComputer) => {
      setRemoved(null);
      const result = await api.request('reception:remove-computer', { computerId: computer.id });
      if (!result.ok) {
        setError(describeError(result.error));
        return;
      }
      setRemoved(`The computer at ${computer.location.name} no longer switches by PIN. Setting it up again needs a password sign-in on it.`);
      await reload();
    },
    [api, reload],
  );

  return { computers, error, removed, remove };
}
