import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_PREFS } from '../../shared/profile';
import { edit, forSave, hasChanges, shownPrefs, withLocation } from './profileForm';

const saved = { prefs: DEFAULT_NOTIFICATION_PREFS, version: 3, updatedAt: 1 };

describe('profile form', () => {
  it('edits from the saved version and knows when something changed', () => {
    const draft = edit(saved, null, { showPreview: false });
    expect(draft).toEqual({ prefs: { ...DEFAULT_NOTIFICATION_PREFS, showPreview: false }, baseVersion: 3 });
    expect(shownPrefs(saved, draft).showPreview).toBe(false);
    expect(hasChanges(saved, draft)).toBe(true);
    expect(hasChanges(saved, edit(saved, draft, { showPreview: true }))).toBe(false);
    expect(shownPrefs({ ...saved, version: 4, prefs: { ...DEFAULT_NOTIFICATION_PREFS, sound: false } }, null).sound).toBe(false);
  });

  it('stores the locations left unticked, and only the member\'s own', () => {
    const muted = withLocation(DEFAULT_NOTIFICATION_PREFS, 2, false);
    expect(muted).toEqual({ mutedLocationIds: [2] });
    expect(withLocation({ ...DEFAULT_NOTIFICATION_PREFS, mutedLocationIds: [2, 5] }, 2, true)).toEqual({ mutedLocationIds: [5] });
    expect(forSave({ ...DEFAULT_NOTIFICATION_PREFS, mutedLocationIds: [2, 5] }, [{ id: 2, name: 'Soho' }]).mutedLocationIds).toEqual([2]);
  });
});
