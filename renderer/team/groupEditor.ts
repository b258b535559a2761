// The permission group being added or edited: its draft, the version it started from, and a
// save that met someone else's newer one. Pure, so the rules are tested without a DOM.
import { GROUP_NAME_MAX, type PermissionGroup } from '../../shared/adminEvents';
import type { GroupGrants } from '../../shared/permissions';
import { NO_GRANTS, sameGrants, withGrant, type GrantKey } from './grants';

export interface GroupDraft {
  name: string;
  grants: GroupGrants;
}

export interface GroupEditorState {
  /** Null while adding a new group. */
  groupId: number | null;
  draft: GroupDraft;
  baseVersion: number | null;
  saving: boolean;
  /** The newer saved group, when a save was refused because of it. */
  conflict: PermissionGroup | null;
  error: string | null;
}

export type GroupEditorAction =
  | { type: 'rename'; name: string }
  | { type: 'set-grant'; key: GrantKey; value: boolean }
  | { type: 'save-started' }
  | { type: 'save-failed'; error: string }
  | { type: 'conflict'; theirs: PermissionGroup }
  | { type: 'use-theirs' }
  | { type: 'keep-mine' };

export function startGroupEditor(group: PermissionGroup | null): GroupEditorState {
  return {
    groupId: group?.id ?? null,
    draft: group ? { name: group.name, grants: group.grants } : { name: '', grants: NO_GRANTS },
    baseVersion: group?.version ?? null,
    saving: false,
    conflict: null,
    error: null,
  };
}

export function groupEditorReducer(state: GroupEditorState, action: GroupEditorAction): GroupEditorState {
  switch (action.type) {
    case 'rename':
      return { ...state, draft: { ...state.draft, name: action.name }, error: null };
    case 'set-grant':
      return { ...state, draft: { ...state.draft, grants: withGrant(state.draft.grants, action.key, action.value) } };
    case 'save-started':
      return { ...state, saving: true, error: null };
    case 'save-failed':
      return { ...state, saving: false, error: action.error };
    case 'conflict':
      return { ...state, saving: false, conflict: action.theirs };
    case 'use-theirs': {
      const theirs = state.conflict;
      if (!theirs) return state;
      return { ...state, draft: { name: theirs.name, grants: theirs.grants }, baseVersion: theirs.version, conflict: null };
    }
    case 'keep-mine':
      if (!state.conflict) return state;
      return { ...state, baseVersion: state.conflict.version, conflict: null };
  }
}

/** Why the draft can't be saved yet, in the words the name field shows; null when it can. */
export function groupDraftProblem(draft: GroupDraft, otherGroupNames: readonly string[]): string | null {
  const name = draft.name.trim();
  if (!name) return 'Give the group a name.';
  if (name.length > GROUP_NAME_MAX) return `A group name can be at most ${GROUP_NAME_MAX} characters.`;
  if (otherGroupNames.some((other) => other.trim().toLowerCase() === name.toLowerCase())) {
    return `There is already a group called ${name}.`;
  }
  return null;
}

export const groupDraftChanged = (draft: GroupDraft, group: PermissionGroup | null): boolean =>
  !group || draft.name.trim() !== group.name || !sameGrants(draft.grants, group.grants);
