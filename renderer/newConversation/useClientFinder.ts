// Finds clients of the whole workspace as the member types (after a short pause), for starting
// a conversation; keeps only the answer to the latest query. Off (null) for members who may
// not start conversations, so nothing is asked for them.
import { useEffect, useRef, useState } from 'react';
import type { FoundClient } from '../../shared/conversationStart';
import { describeError } from '../api/errors';
import { useStaff } from '../session/StaffContext';

const TYPING_PAUSE_MS = 250;

export interface ClientFinder {
  /** Null before the first answer, for an empty query, or when the finder is off. */
  clients: FoundClient[] | null;
  searching: boolean;
  error: string | null;
}

export function useClientFinder(query: string, enabled: boolean): ClientFinder {
  const { api } = useStaff();
  const [answer, setAnswer] = useState<{ query: string; clients: FoundClient[] | null; error: string | null } | null>(null);
  const latest = useRef(0);
  const trimmed = query.trim();
  const asking = enabled && trimmed !== '';

  useEffect(() => {
    if (!asking) return undefined;
    const request = ++latest.current;
    const timer = setTimeout(() => {
      void api.request('client:find', { query: trimmed }).then((result) => {
        if (request !== latest.current) return;
        setAnswer({ query: trimmed, clients: result.ok ? result.data.clients : null, error: result.ok ? null : describeError(result.error) });
      });
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [api, trimmed, asking]);

  if (!asking) return { clients: null, searching: false, error: null };
  const current = answer?.query === trimmed ? answer : null;
  return { clients: current?.clients ?? null, searching: current === null, error: current?.error ?? null };
}
