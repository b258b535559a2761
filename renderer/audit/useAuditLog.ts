// The audit log: the newest page on (re)connect, older pages on demand, and the names of
// groups and locations so entries can say "Stylists" rather than "group #3".
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { can } from '../../shared/permissions';
import { describeError } from '../api/errors';
import { useStaff } from '../session/StaffContext';
import { auditLogReducer, emptyAuditLog } from './auditPages';
import { auditNamesFrom, noAuditNames, type AuditNames } from './auditSummary';

const PAGE_SIZE = 30;

export function useAuditLog() {
  const { api, session } = useStaff();
  const [log, dispatch] = useReducer(auditLogReducer, emptyAuditLog);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [names, setNames] = useState<AuditNames>(noAuditNames);
  const canReadTeam = can(session.grants, 'team.manage');

  useEffect(
    () =>
      api.whenConnected(() => {
        void api.request('audit:list', { limit: PAGE_SIZE }).then((result) => {
          setError(result.ok ? null : describeError(result.error));
          if (result.ok) dispatch({ type: 'newest-page', ...result.data });
        });
        if (canReadTeam) {
          void api.request('team:get', {}).then((result) => {
            if (result.ok) setNames(auditNamesFrom(result.data.groups, result.data.locations));
          });
        }
      }),
    [api, canReadTeam],
  );

  const oldestId = log.entries.at(-1)?.id;
  // A ref, not the state: a double click must not load the same page twice.
  const inFlight = useRef(false);
  const loadOlder = useCallback(async () => {
    if (oldestId === undefined || inFlight.current) return;
    inFlight.current = true;
    setLoadingOlder(true);
    const result = await api.request('audit:list', { beforeId: oldestId, limit: PAGE_SIZE });
    setError(result.ok ? null : describeError(result.error));
    if (result.ok) dispatch({ type: 'older-page', ...result.data });
    setLoadingOlder(false);
    inFlight.current = false;
  }, [api, oldestId]);

  return { ...log, loadingOlder, loadOlder, error, names };
}
