import { describe, expect, it } from 'vitest';
import type { SettingsState } from '../../shared/settingsEvents';
import { newerFromDetails } from './conflictDetails';
import { settingsStateSchema } from '../../shared/settingsEvents';
import {
  changedSinceEdit,
  hasChanges,
  initialMessagingSettings,
  messagingSettingsReducer,
  type MessagingSettingsAction,
  type MessagingSettingsState,
} from './messagingSettings';

const at = (version: number, change: Partial<SettingsState['settings']> = {}): SettingsState => ({
  settings: { enabled: true, contactButton: true, readReceipts: true, typingIndicator: true, ...change },
  version,
  updatedAt: version * 1000,
});

const run = (...actions: MessagingSettingsAction[]) =>
  actions.reduce(messagingSettingsReducer, initialMessagingSettings as MessagingSettingsState);

describe('messagingSettingsReducer', () => {
  it('keeps the newest settings whatever order pushes and answers arrive in', () => {
    const state = run({ type: 'received', state: at(3) }, { type: 'received', state: at(2, { enabled: false }) });
    expect(state.current).toEqual(at(3));
  });

  it('edits a draft behind Edit, and Cancel leaves the saved settings as they were', () => {
    const editing = run({ type: 'received', state: at(1) }, { type: 'edit' }, { type: 'toggle', key: 'readReceipts', value: false });
    expect(editing.editing).toMatchObject({ draft: { contactButton: true, readReceipts: false, typingIndicator: true }, baseVersion: 1 });
    expect(hasChanges(editing)).toBe(true);
    const cancelled = messagingSettingsReducer(editing, { type: 'cancel' });
    expect(cancelled.editing).toBeNull();
    expect(cancelled.current).toEqual(at(1));
  });

  it('says "Saved" once a Save of the options went through, until the next Edit', () => {
    const editing = run({ type: 'received', state: at(1) }, { type: 'edit' }, { type: 'toggle', key: 'readReceipts', value: false });
    const saving = messagingSettingsReducer(editing, { type: 'save-started', kind: 'options' });
    expect(saving.saved).toBe(false);
    const saved = messagingSettingsReducer(saving, { type: 'options-saved', state: at(2, { readReceipts: false }) });
    expect(saved.saved).toBe(true);
    expect(messagingSettingsReducer(saved, { type: 'edit' }).saved).toBe(false);
  });

  it('ignores ticks outside editing', () => {
    const state = run({ type: 'received', state: at(1) }, { type: 'toggle', key: 'readReceipts', value: false });
    expect(state.editing).toBeNull();
  });

  it('closes the edit once saved', () => {
    const state = run(
      { type: 'received', state: at(1) },
      { type: 'edit' },
      { type: 'toggle', key: 'typingIndicator', value: false },
      { type: 'save-started', kind: 'options' },
      { type: 'options-saved', state: at(2, { typingIndicator: false }) },
    );
    expect(state).toMatchObject({ editing: null, saving: null, current: at(2, { typingIndicator: false }) });
  });

  it("moves an open edit onto the manager's own Enable/Disable, so it does not conflict with itself", () => {
    const state = run(
      { type: 'received', state: at(4) },
      { type: 'edit' },
      { type: 'save-started', kind: 'status' },
      // Our own push can arrive before our answer: no warning about "someone else" meanwhile.
      { type: 'received', state: at(5, { enabled: false }) },
    );
    expect(changedSinceEdit(state)).toBe(false);
    const saved = messagingSettingsReducer(state, { type: 'status-saved', state: at(5, { enabled: false }), previousVersion: 4 });
    expect(saved.editing?.baseVersion).toBe(5);
    expect(changedSinceEdit(saved)).toBe(false);
  });

  it("warns while editing when someone else saved, and shows their values against the manager's on conflict", () => {
    const editing = run({ type: 'received', state: at(1) }, { type: 'edit' }, { type: 'toggle', key: 'contactButton', value: false });
    const pushed = messagingSettingsReducer(editing, { type: 'received', state: at(2, { readReceipts: false }) });
    expect(changedSinceEdit(pushed)).toBe(true);
    expect(pushed.editing?.draft.contactButton).toBe(false);

    const refused = messagingSettingsReducer(pushed, { type: 'conflict', kind: 'options', theirs: at(2, { readReceipts: false }) });
    // Only the manager's own edit (the contact button) goes over theirs; read receipts stay off.
    expect(refused.conflict).toEqual({
      theirs: at(2, { readReceipts: false }),
      mine: { contactButton: false, readReceipts: false, typingIndicator: true },
    });

    const theirs = messagingSettingsReducer(refused, { type: 'use-theirs' });
    expect(theirs).toMatchObject({ editing: null, conflict: null, current: at(2, { readReceipts: false }) });

    const mine = messagingSettingsReducer(refused, { type: 'keep-mine' });
    expect(mine.editing).toEqual({
      draft: { contactButton: false, readReceipts: false, typingIndicator: true },
      base: { contactButton: true, readReceipts: false, typingIndicator: true },
      baseVersion: 2,
    });
    expect(mine.conflict).toBeNull();
  });

  it('treats a conflict that leaves nothing of ours to apply as saved', () => {
    const state = run(
      { type: 'received', state: at(1) },
      { type: 'edit' },
      { type: 'toggle', key: 'readReceipts', value: false },
      { type: 'conflict', kind: 'options', theirs: at(2, { readReceipts: false }) },
    );
    expect(state).toMatchObject({ editing: null, conflict: null });
  });

  it('reports a status conflict as an error to retry', () => {
    const saving = run({ type: 'received', state: at(1) }, { type: 'save-started', kind: 'status' });
    expect(saving).toMatchObject({ saving: 'status' });
    const refused = messagingSettingsReducer(saving, { type: 'conflict', kind: 'status', theirs: at(3, { enabled: false }) });
    expect(refused).toMatchObject({ saving: null, current: at(3, { enabled: false }) });
    expect(refused.error).toMatch(/Someone else changed/);
  });
});

describe('newerFromDetails', () => {
  it('finds the newer record directly or under `current`, else nothing', () => {
    expect(newerFromDetails(settingsStateSchema, at(2))).toEqual(at(2));
    expect(newerFromDetails(settingsStateSchema, { current: at(3) })).toEqual(at(3));
    expect(newerFromDetails(settingsStateSchema, [{ path: 'x', message: 'y' }])).toBeNull();
    expect(newerFromDetails(settingsStateSchema, undefined)).toBeNull();
  });
});
