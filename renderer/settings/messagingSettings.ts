// State of the Messages settings page: what the server last said (fetched, pushed or saved),
// the manager's edit of the three options behind Edit → Save, and a save another manager beat
// us to. Pure, so every ordering of pushes, acks and clicks is tested without a DOM.
import type { SettingsState } from '../../shared/settingsEvents';
import type { WorkspaceSettings } from '../../shared/domain';

export type MessagingOptions = Omit<WorkspaceSettings, 'enabled'>;
export type OptionKey = keyof MessagingOptions;

/** The article's checkboxes, in its order and with its words. */
export const MESSAGING_OPTIONS: readonly { key: OptionKey; label: string; description: string }[] = [
  {
    key: 'contactButton',
    label: 'Display contact button after confirming an appointment',
    description: 'Allows clients to see a messaging option in their appointment details after booking.',
  },
  {
    key: 'readReceipts',
    label: 'Allow read receipts',
    description: "Let clients see when you've read their messages.",
  },
  {
    key: 'typingIndicator',
    label: 'Allow typing indicator',
    description: "Shows clients when you're typing a reply.",
  },
];

export interface SettingsConflict {
  theirs: SettingsState;
  /** Their settings with the manager's own edits on top: what "Keep my changes" saves. */
  mine: MessagingOptions;
}

export interface MessagingSettingsState {
  /** The newest settings the server has told us about. */
  current: SettingsState | null;
  /** Set between Edit and Save/Cancel: the draft, and the options and version it started from. */
  editing: { draft: MessagingOptions; base: MessagingOptions; baseVersion: number } | null;
  saving: 'options' | 'status' | null;
  conflict: SettingsConflict | null;
  error: string | null;
  /** The manager's last Save of the options went through (until they edit again): said in a live region. */
  saved: boolean;
}

export type MessagingSettingsAction =
  | { type: 'received'; state: SettingsState }
  | { type: 'edit' }
  | { type: 'toggle'; key: OptionKey; value: boolean }
  | { type: 'cancel' }
  | { type: 'save-started'; kind: 'options' | 'status' }
  /** The save was kept on this computer (offline/pendingSettings.ts): the page is settled. */
  | { type: 'queued-offline' }
  | { type: 'options-saved'; state: SettingsState }
  | { type: 'status-saved'; state: SettingsState; previousVersion: number }
  | { type: 'conflict'; kind: 'options' | 'status'; theirs: SettingsState }
  | { type: 'save-failed'; error: string }
  | { type: 'use-theirs' }
  | { type: 'keep-mine' };

export const initialMessagingSettings: MessagingSettingsState = {
  current: null,
  editing: null,
  saving: null,
  conflict: null,
  error: null,
  saved: false,
};

export const optionsOf = ({ contactButton, readReceipts, typingIndicator }: WorkspaceSettings): MessagingOptions => ({
  contactButton,
  readReceipts,
  typingIndicator,
});

export const sameOptions = (a: MessagingOptions, b: MessagingOptions): boolean =>
  MESSAGING_OPTIONS.every(({ key }) => a[key] === b[key]);

/** Pushes and answers can cross on the wire: never step back to an older version. */
const newest = (held: SettingsState | null, incoming: SettingsState): SettingsState =>
  held && held.version > incoming.version ? held : incoming;

const settled = { saving: null } as const;

export function messagingSettingsReducer(
  state: MessagingSettingsState,
  action: MessagingSettingsAction,
): MessagingSettingsState {
  switch (action.type) {
    case 'received':
      return { ...state, current: newest(state.current, action.state) };
    case 'edit':
      if (!state.current) return state;
      return {
        ...state,
        saved: false,
        editing: {
          draft: optionsOf(state.current.settings),
          base: optionsOf(state.current.settings),
          baseVersion: state.current.version,
        },
        conflict: null,
        error: null,
      };
    case 'toggle':
      if (!state.editing || state.saving) return state;
      return { ...state, editing: { ...state.editing, draft: { ...state.editing.draft, [action.key]: action.value } } };
    case 'cancel': {
      // An Enable/Disable in flight is not part of the edit being dropped.
      const stillSaving = state.saving === 'status' ? {} : settled;
      return { ...state, ...stillSaving, editing: null, conflict: null, error: null };
    }
    case 'save-started':
      return { ...state, saving: action.kind, error: null, saved: false };
    case 'queued-offline':
      return { ...state, ...settled, editing: null, conflict: null, error: null };
    case 'options-saved':
      return { ...state, ...settled, current: newest(state.current, action.state), editing: null, conflict: null, saved: true };
    case 'status-saved': {
      // Our own Enable/Disable moves the version on; an open edit based on the version before
      // it is still based on what the manager saw, so it follows instead of conflicting.
      const { editing } = state;
      const rebased =
        editing && editing.baseVersion === action.previousVersion ? { ...editing, baseVersion: action.state.version } : editing;
      return { ...state, ...settled, current: newest(state.current, action.state), editing: rebased };
    }
    case 'conflict':
      return receiveConflict(state, action.kind, action.theirs);
    case 'save-failed':
      return { ...state, ...settled, error: action.error };
    case 'use-theirs':
      return { ...state, editing: null, conflict: null, error: null };
    case 'keep-mine':
      if (!state.conflict) return state;
      return {
        ...state,
        editing: {
          draft: state.conflict.mine,
          base: optionsOf(state.conflict.theirs.settings),
          baseVersion: state.conflict.theirs.version,
        },
        conflict: null,
      };
  }
}

function receiveConflict(state: MessagingSettingsState, kind: 'options' | 'status', theirs: SettingsState) {
  const current = newest(state.current, theirs);
  const base = { ...state, ...settled, current };
  if (kind === 'status') {
    return { ...base, error: 'Someone else changed the settings just now. Check the status above and try again.' };
  }
  if (!state.editing) return base;
  const mine = withOwnEdits(optionsOf(current.settings), state.editing);
  // Nothing of ours is left to apply: they made the same change, or this was our own save
  // resent after a lost answer.
  if (sameOptions(optionsOf(current.settings), mine)) return { ...base, editing: null, conflict: null };
  return { ...base, conflict: { theirs: current, mine } };
}

/** Only what the manager changed since Edit goes over the newer settings; the rest stays theirs. */
export function withOwnEdits(
  theirs: MessagingOptions,
  { draft, base }: { draft: MessagingOptions; base: MessagingOptions },
): MessagingOptions {
  const merged = { ...theirs };
  for (const { key } of MESSAGING_OPTIONS) if (draft[key] !== base[key]) merged[key] = draft[key];
  return merged;
}

/** The draft differs from what the server holds: Save has something to do. */
export function hasChanges(state: MessagingSettingsState): boolean {
  return !!state.editing && !!state.current && !sameOptions(state.editing.draft, optionsOf(state.current.settings));
}

/** Someone else saved after the manager pressed Edit: say so before they press Save. */
export function changedSinceEdit(state: MessagingSettingsState): boolean {
  // While our own Enable/Disable is saving, its push may arrive before its answer rebases the edit.
  if (state.saving === 'status') return false;
  return !!state.editing && !!state.current && state.current.version > state.editing.baseVersion;
}
