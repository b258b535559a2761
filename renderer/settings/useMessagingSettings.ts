// The Messages settings page's data: settings fetched on (re)connect and followed live, and
// saves that name the version they were based on. A save that can't reach the server waits
// and goes again on reconnect, where a newer save by someone else turns into a conflict.
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { settingsStateSchema } from '../../shared/adminEvents';
import type { WorkspaceSettings } from '../../shared/domain';
import { describeError, isConnectionError } from '../api/errors';
import { useStaff } from '../session/StaffContext';
import { newerFromDetails } from './conflictDetails';
import { initialMessagingSettings, messagingSettingsReducer, type MessagingOptions } from './messagingSettings';

type Save = { kind: 'options' | 'status'; settings: WorkspaceSettings; baseVersion: number };

export function useMessagingSettings() {
  const { api } = useStaff();
  const [state, dispatch] = useReducer(messagingSettingsReducer, initialMessagingSettings);
  const waiting = useRef<Save | null>(null);

  const run = useCallback(
    async (save: Save) => {
      dispatch({ type: 'save-started', kind: save.kind });
      const result = await api.request('settings:update', { settings: save.settings, baseVersion: save.baseVersion });
      if (result.ok) {
        waiting.current = null;
        dispatch(
          save.kind === 'options'
            ? { type: 'options-saved', state: result.data }
            : { type: 'status-saved', state: result.data, previousVersion: save.baseVersion },
        );
        return;
      }
      if (isConnectionError(result.error)) {
        waiting.current = save;
        dispatch({ type: 'waiting-for-connection' });
        return;
      }
      waiting.current = null;
      if (result.error.code !== 'conflict') {
        dispatch({ type: 'save-failed', error: describeError(result.error) });
        return;
      }
      let theirs = newerFromDetails(settingsStateSchema, result.error.details);
      if (!theirs) {
        const fetched = await api.request('settings:get', {});
        theirs = fetched.ok ? fetched.data : null;
      }
      if (theirs) dispatch({ type: 'conflict', kind: save.kind, theirs });
      else dispatch({ type: 'save-failed', error: 'Someone else changed the settings, and they could not be loaded. Try again.' });
    },
    [api],
  );

  useEffect(() => {
    const unsubscribers = [
      api.whenConnected(() => {
        void api.request('settings:get', {}).then((result) => {
          if (result.ok) dispatch({ type: 'received', state: result.data });
          else dispatch({ type: 'save-failed', error: describeError(result.error) });
        });
        if (waiting.current) void run(waiting.current);
      }),
      api.subscribe('settings:updated', (pushed) => dispatch({ type: 'received', state: pushed })),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [api, run]);

  const { current, editing } = state;

  const setEnabled = useCallback(
    (enabled: boolean) => {
      if (!current) return;
      void run({ kind: 'status', settings: { ...current.settings, enabled }, baseVersion: current.version });
    },
    [current, run],
  );

  const saveOptions = useCallback(
    (draft: MessagingOptions | undefined = editing?.draft, baseVersion: number | undefined = editing?.baseVersion) => {
      if (!current || !draft || baseVersion === undefined) return;
      void run({ kind: 'options', settings: { enabled: current.settings.enabled, ...draft }, baseVersion });
    },
    [current, editing, run],
  );

  /** Save the manager's values over the newer ones, now that they have seen them. */
  const keepMine = useCallback(() => {
    if (!state.conflict) return;
    const { mine, theirs } = state.conflict;
    dispatch({ type: 'keep-mine' });
    saveOptions(mine, theirs.version);
  }, [state.conflict, saveOptions]);

  const cancel = useCallback(() => {
    // An Enable/Disable still waiting for the connection is not part of the edit being dropped.
    if (waiting.current?.kind === 'options') waiting.current = null;
    dispatch({ type: 'cancel' });
  }, []);

  return { state, dispatch, setEnabled, saveOptions: () => saveOptions(), keepMine, cancel };
}
