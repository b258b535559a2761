// Saving the permission group being edited: create or update (with the version it started
// from); a conflict loads the newer group so the manager can compare before choosing.
import { useCallback, useReducer } from 'react';
import type { PermissionGroup } from '../../shared/adminEvents';
import { describeError } from '../api/errors';
import { useStaff } from '../session/StaffContext';
import { groupEditorReducer, startGroupEditor, type GroupEditorState } from './groupEditor';

export function useGroupEditor(group: PermissionGroup | null, onSaved: (group: PermissionGroup) => void) {
  const { api } = useStaff();
  const [state, dispatch] = useReducer(groupEditorReducer, group, startGroupEditor);

  const save = useCallback(
    async ({ groupId, draft, baseVersion }: Pick<GroupEditorState, 'groupId' | 'draft' | 'baseVersion'>) => {
      dispatch({ type: 'save-started' });
      const name = draft.name.trim();
      const result =
        groupId === null || baseVersion === null
          ? await api.request('group:create', { name, grants: draft.grants })
          : await api.request('group:update', { groupId, name, grants: draft.grants, baseVersion });
      if (result.ok) {
        onSaved(result.data);
        return;
      }
      if (result.error.code === 'conflict' && groupId !== null) {
        const team = await api.request('team:get', {});
        const theirs = team.ok ? team.data.groups.find((candidate) => candidate.id === groupId) : undefined;
        if (theirs) {
          dispatch({ type: 'conflict', theirs });
          return;
        }
      }
      dispatch({ type: 'save-failed', error: describeError(result.error) });
    },
    [api, onSaved],
  );

  const keepMine = useCallback(() => {
    if (!state.conflict) return;
    const rebased = { ...state, baseVersion: state.conflict.version };
    dispatch({ type: 'keep-mine' });
    void save(rebased);
  }, [state, save]);

  return { state, dispatch, save: () => void save(state), keepMine };
}
