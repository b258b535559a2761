// One Team page request that removes or restores something (deactivate, reactivate, delete a
// group): whether it is on its way, and the server's refusal in words when it is refused.
import { useCallback, useState } from 'react';
import type { AppError } from '../../shared/result';
import { describeError } from '../api/errors';
import { useStaff } from '../session/StaffContext';

type Outcome<T> = { ok: true; data: T } | { ok: false; error: AppError };

export function useTeamAction() {
  const { api } = useStaff();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** Sends the request; on success hands its answer on, otherwise shows why. */
  const run = useCallback(async <T,>(send: () => Promise<Outcome<T>>, onDone: (data: T) => void) => {
    setPending(true);
    setError(null);
    const result = await send();
    setPending(false);
    if (result.ok) onDone(result.data);
    else setError(describeError(result.error));
  }, []);

  return { api, pending, error, run };
}
