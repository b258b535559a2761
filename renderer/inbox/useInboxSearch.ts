// The inbox search: asks the server as the member types (after a short pause), keeps only the
// answer to the latest query, and pages older message matches on demand.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchResult } from '../../shared/search';
import { describeError } from '../api/errors';
import { useStaff } from '../session/StaffContext';

const TYPING_PAUSE_MS = 250;

export interface InboxSearch {
  query: string;
  setQuery: (query: string) => void;
  /** The member is searching: the list shows results instead of conversations. */
  active: boolean;
  result: SearchResult | null;
  searching: boolean;
  error: string | null;
  loadOlder: () => void;
}

export function useInboxSearch(): InboxSearch {
  const { api } = useStaff();
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<SearchResult | null>(null);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Answers can arrive out of order: only the latest request's answer is shown.
  const latest = useRef(0);
  const trimmed = query.trim();

  useEffect(() => {
    if (trimmed === '') return;
    const request = ++latest.current;
    const timer = setTimeout(() => {
      setSearching(true);
      void api.request('search:query', { query: trimmed }).then((answer) => {
        if (request !== latest.current) return;
        setSearching(false);
        setResult(answer.ok ? answer.data : null);
        setError(answer.ok ? null : describeError(answer.error));
      });
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [api, trimmed]);

  const before = result?.nextBeforeMessageId ?? null;
  const loadOlder = useCallback(() => {
    if (before === null) return;
    const request = latest.current;
    setSearching(true);
    void api.request('search:query', { query: trimmed, beforeMessageId: before }).then((answer) => {
      if (request !== latest.current) return;
      setSearching(false);
      if (!answer.ok) return setError(describeError(answer.error));
      setResult((shown) => (shown ? { ...shown, messages: [...shown.messages, ...answer.data.messages], nextBeforeMessageId: answer.data.nextBeforeMessageId } : answer.data));
    });
  }, [api, trimmed, before]);

  const update = useCallback((next: string) => {
    setQuery(next);
    if (next.trim() === '') {
      latest.current += 1;
      setResult(null);
      setError(null);
      setSearching(false);
    }
  }, []);

  return { query, setQuery: update, active: trimmed !== '', result, searching, error, loadOlder };
}
