// The client's appointments and conversations: fetched once connected, and again whenever the
// salon changes its messaging options (R3), a message arrives (new conversations, unread counts)
// or the booking system changes one of the client's appointments.
import { useCallback, useEffect, useState } from 'react';
import type { ClientRequestResult } from '../../shared/clientEvents';
import type { AppError } from '../../shared/result';
import type { ClientApi } from './clientApi';

export type ClientOverview = ClientRequestResult<'client:get'>;

export function useClientOverview(api: ClientApi) {
  const [overview, setOverview] = useState<ClientOverview | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [messagingOff, setMessagingOff] = useState(false);

  const refresh = useCallback(() => {
    void api.request('client:get', {}).then((result) => {
      if (result.ok) setOverview(result.data);
      setError(result.ok ? null : result.error);
    });
  }, [api]);

  useEffect(() => {
    const unsubscribers = [
      api.whenConnected(refresh),
      api.subscribe('settings:updated', ({ enabled }) => {
        setMessagingOff(!enabled);
        refresh();
      }),
      api.subscribe('message:created', refresh),
      api.subscribe('appointments:updated', refresh),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [api, refresh]);

  return { overview, error, messagingOff, refresh };
}
