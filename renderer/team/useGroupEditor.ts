// Saving the permission group being edited: create or update (with the version it started
// from); a conflict carries the newer group so the manager can compare before choosing.
import { useCallback, useReducer } from 'react';
import { permissionGroupSchema, type PermissionGroup } from '../../shared/teamEvents';
import { describeError, fieldProblemsOf, isConnectionError } from '../api/errors';
import { useOffline } from '../offline/OfflineContext';
import { useStaff } from '../session/StaffContext';
import { newerFromDetails } from '../settings/conflictDetails';
import {
  GROUP_FIELDS,
  groupDraftChanged,
  groupEditorReducer,
  startGroupEditor,
  withOwnGroupEdits,
  type GroupEditorState,
} from './groupEditor';

/** `onQueued`: the edit was made offline and waits on this computer (offline/pendingEdits.ts). */
export function useGroupEditor(group: PermissionGroup | null, onSaved: (group: PermissionGroup) => void, onQueued?: (name: string) => void) {
  const { api } = useStaff();
  const { status, edits } = useOffline();
  const [state, dispatch] = useReducer(groupEditorReducer, group, startGroupEditor);

  const save = useCallback(
    async ({ groupId, draft, base, baseVersion }: Pick<GroupEditorState, 'groupId' | 'draft' | 'base' | 'baseVersion'>) => {
      dispatch({ type: 'save-started' });
      const name = draft.name.trim();
      const queue = async () => {
        if (groupId === null || baseVersion === null || !onQueued) return false;
        await edits.queue({ groupId, baseVersion, base, draft });
        onQueued(name);
        return true;
      };
      if (status !== 'connected' && (await queue())) return;
      const result =
        groupId === null || baseVersion === null
          ? await api.request('group:create', { name, grants: draft.grants })
          : await api.request('group:update', { groupId, name, grants: draft.grants, baseVersion });
      if (result.ok) {
        onSaved(result.data);
        return;
      }
      if (isConnectionError(result.error) && (await queue())) return;
      // 'conflict' also means "name taken"; only a stale version carries the newer group.
      const theirs = result.error.code === 'conflict' ? newerFromDetails(permissionGroupSchema, result.error.details) : null;
      if (theirs && theirs.id === groupId) {
        // They already made every change the manager made: nothing of ours is left to save.
        if (!groupDraftChanged(withOwnGroupEdits(theirs, { draft, base }), theirs)) onSaved(theirs);
        else dispatch({ type: 'conflict', theirs });
        return;
      }
      // A taken name (a conflict without a newer group) and the server's field checks go
      // beside their fields.
      const problems =
        result.error.code === 'conflict' ? { name: result.error.message } : result.error.code === 'bad_request' ? fieldProblemsOf(result.error.details, GROUP_FIELDS) : {};
      dispatch({ type: 'save-failed', error: describeError(result.error), problems });
    },
    [api, onSaved, onQueued, status, edits],
  );

  const keepMine = useCallback(() => {
    if (!state.conflict) return;
    const { theirs, mine } = state.conflict;
    const rebased = { ...state, draft: mine, base: { name: theirs.name, grants: theirs.grants }, baseVersion: theirs.version };
    dispatch({ type: 'keep-mine' });
    void save(rebased);
  }, [state, save]);

  return { state, dispatch, save: () => void save(state), keepMine };
}
