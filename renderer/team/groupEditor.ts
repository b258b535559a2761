// The permission group being added or edited: its draft, the version it started from, and a
// save that met someone else's newer one. Pure, so the rules are tested without a DOM.
import { GROUP_NAME_MAX, type PermissionGroup } from '../../shared/teamEvents';
import type { GroupGrants } from '../../shared/permissions';
import type { FieldProblems } from '../api/errors';
import { GRANT_SECTIONS, NO_GRANTS, sameGrants, withGrant, type GrantKey } from './grants';

export const GROUP_FIELDS = ['name', 'grants'] as const;
export type GroupField = (typeof GROUP_FIELDS)[number];

export interface GroupDraft {
  name: string;
  grants: GroupGrants;
}

export interface GroupEditorState {
  /** Null while adding a new group. */
  groupId: number | null;
  draft: GroupDraft;
  /** The group as it was when editing started: what the manager's own edits are measured from. */
  base: GroupDraft;
  baseVersion: number | null;
  saving: boolean;
  /** A save refused because of a newer one: theirs, and theirs with the manager's edits on top. */
  conflict: { theirs: PermissionGroup; mine: GroupDraft } | null;
  error: string | null;
  /** What the server found wrong with the last save, by field. */
  serverProblems: FieldProblems<GroupField>;
}

export type GroupEditorAction =
  | { type: 'rename'; name: string }
  | { type: 'set-grant'; key: GrantKey; value: boolean }
  | { type: 'save-started' }
  | { type: 'save-failed'; error: string; problems?: FieldProblems<GroupField> }
  | { type: 'conflict'; theirs: PermissionGroup }
  | { type: 'use-theirs' }
  | { type: 'keep-mine' };

const draftOf = (group: PermissionGroup): GroupDraft => ({ name: group.name, grants: group.grants });

export function startGroupEditor(group: PermissionGroup | null): GroupEditorState {
  const draft = group ? draftOf(group) : { name: '', grants: NO_GRANTS };
  return {
    groupId: group?.id ?? null,
    draft,
    base: draft,
    baseVersion: group?.version ?? null,
    saving: false,
    conflict: null,
    error: null,
    serverProblems: {},
  };
}

export function groupEditorReducer(state: GroupEditorState, action: GroupEditorAction): GroupEditorState {
  switch (action.type) {
    case 'rename':
      return { ...state, draft: { ...state.draft, name: action.name }, error: null, serverProblems: {} };
    case 'set-grant':
      return { ...state, draft: { ...state.draft, grants: withGrant(state.draft.grants, action.key, action.value) } };
    case 'save-started':
      return { ...state, saving: true, error: null, serverProblems: {} };
    case 'save-failed':
      return { ...state, saving: false, error: action.error, serverProblems: action.problems ?? {} };
    case 'conflict':
      return { ...state, saving: false, conflict: { theirs: action.theirs, mine: withOwnGroupEdits(action.theirs, state) } };
    case 'use-theirs': {
      if (!state.conflict) return state;
      const { theirs } = state.conflict;
      return { ...state, draft: draftOf(theirs), base: draftOf(theirs), baseVersion: theirs.version, conflict: null };
    }
    case 'keep-mine': {
      if (!state.conflict) return state;
      const { theirs, mine } = state.conflict;
      return { ...state, draft: mine, base: draftOf(theirs), baseVersion: theirs.version, conflict: null };
    }
  }
}

/** Only what the manager changed goes over the newer group; the rest stays theirs. Reply
 * without Access can result from mixing the two, and is dropped (R7): the narrower grant. */
export function withOwnGroupEdits(theirs: PermissionGroup, { draft, base }: { draft: GroupDraft; base: GroupDraft }): GroupDraft {
  const grants = { ...theirs.grants };
  for (const { key } of GRANT_SECTIONS.flatMap((section) => section.options)) {
    if (draft.grants[key] !== base.grants[key]) grants[key] = draft.grants[key];
  }
  if (grants.replyChats && !grants.accessChats) grants.replyChats = false;
  const renamed = draft.name.trim() !== base.name.trim();
  return { name: renamed ? draft.name.trim() : theirs.name, grants };
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

/** Every problem of the draft at once, by field: what this computer can tell before saving,
 * then what the server said of the last save. */
export function groupDraftProblems(draft: GroupDraft, otherGroupNames: readonly string[], serverProblems: FieldProblems<GroupField>): FieldProblems<GroupField> {
  const problems: FieldProblems<GroupField> = { ...serverProblems };
  const name = groupDraftProblem(draft, otherGroupNames);
  if (name) problems.name = name;
  return problems;
}

export const groupDraftChanged = (draft: GroupDraft, group: PermissionGroup | null): boolean =>
  !group || draft.name.trim() !== group.name || !sameGrants(draft.grants, group.grants);
