// The Messages settings page's data: settings fetched on (re)connect and followed live, and
// saves that name the version they were based on. A save that can't reach the server is kept
// on this computer (offline/pendingSettings.ts) and applied on reconnect, where a newer save by
// someone else turns into a conflict the manager resolves.
import { useCallback, useEffect, useReducer } from 'react';
import { settingsStateSchema } from '../../shared/settingsEvents';
import type { WorkspaceSettings } from '../../shared/domain';
import { describeError, isConnectionError } from '../api/errors';
import { useOffline } from '../offline/OfflineContext';
import { useStaff } from '../session/StaffContext';
import { newerFromDetails } from './conflictDetails';
import { initialMessagingSettings, messagingSettingsReducer, optionsOf, type MessagingOptions } from './messagingSettings';

/** `base`: the settings the manager's change started from, so only their own changes are replayed. */
type Save = { kind: 'options' | 'status'; settings: WorkspaceSettings; base: WorkspaceSettings; baseVersion: number };

export function useMessagingSettings() {
  const { api } = useStaff();
  const [state, dispatch] = useReducer(messagingSettingsReducer, initialMessagingSettings);
  const { status, settingsEdits } = useOffline();

  const run = useCallback(
    async (save: Save) => {
      dispatch({ type: 'save-started', kind: save.kind });
      const keepOffline = async () => {
        await settingsEdits.queue({ baseVersion: save.baseVersion, base: save.base, draft: save.settings });
        dispatch({ type: 'queued-offline' });
      };
      if (status !== 'connected') {
        await keepOffline();
        return;
      }
      const result = await api.request('settings:update', { settings: save.settings, baseVersion: save.baseVersion });
      if (result.ok) {
        dispatch(
          save.kind === 'options'
            ? { type: 'options-saved', state: result.data }
            : { type: 'status-saved', state: result.data, previousVersion: save.baseVersion },
        );
        return;
      }
      if (isConnectionError(result.error)) {
        await keepOffline();
        return;
      }
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
    [api, status, settingsEdits],
  );

  useEffect(() => {
    const unsubscribers = [
      api.whenConnected(() => {
        void api.request('settings:get', {}).then((result) => {
          if (result.ok) dispatch({ type: 'received', state: result.data });
          else dispatch({ type: 'save-failed', error: describeError(result.error) });
        });
      }),
      api.subscribe('settings:updated', (pushed) => dispatch({ type: 'received', state: pushed })),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [api]);

  const { current, editing } = state;

  const setEnabled = useCallback(
    (enabled: boolean) => {
      if (!current) return;
      void run({ kind: 'status', settings: { ...current.settings, enabled }, base: current.settings, baseVersion: current.version });
    },
    [current, run],
  );

  const saveOptions = useCallback(
    (draft: MessagingOptions | undefined = editing?.draft, baseVersion: number | undefined = editing?.baseVersion) => {
      if (!current || !draft || baseVersion === undefined) return;
      const base = { ...current.settings, ...(editing && draft === editing.draft ? editing.base : optionsOf(current.settings)) };
      void run({ kind: 'options', settings: { enabled: current.settings.enabled, ...draft }, base, baseVersion });
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
    dispatch({ type: 'cancel' });
  }, []);

  return { state, dispatch, setEnabled, saveOptions: () => saveOptions(), keepMine, cancel };
}
