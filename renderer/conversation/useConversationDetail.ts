// The open conversation's client and their appointments at its location.
import { useEffect, useState } from 'react';
import type { StaffRequestResult } from '../../shared/staffEvents';
import { describeError } from '../api/errors';
import { useStaff } from '../session/StaffContext';

export type ConversationDetail = StaffRequestResult<'conversation:get'>;

type Loaded = { conversationId: number } & ({ detail: ConversationDetail } | { error: string });

export function useConversationDetail(conversationId: number | null) {
  const { api } = useStaff();
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (conversationId === null) return;
    return api.whenConnected(() => {
      void api.request('conversation:get', { conversationId }).then((result) =>
        setLoaded(
          result.ok
            ? { conversationId, detail: result.data }
            : { conversationId, error: describeError(result.error) },
        ),
      );
    });
  }, [api, conversationId]);

  // A previous conversation's answer must not show under the newly opened one.
  if (!loaded || loaded.conversationId !== conversationId) return { detail: null, error: null };
  return 'detail' in loaded ? { detail: loaded.detail, error: null } : { detail: null, error: loaded.error };
}
