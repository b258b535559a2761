// The Profile page's form over the member's notification preferences: edits start from the
// newest saved copy and name its version; until edited, the form follows saves made on other
// devices live.
import type { Location } from '../../shared/domain';
import type { NotificationPrefs, NotificationPrefsState } from '../../shared/profile';

export interface ProfileDraft {
  prefs: NotificationPrefs;
  baseVersion: number;
}

/** What the form shows: the draft while editing, else the saved preferences. */
export const shownPrefs = (saved: NotificationPrefsState, draft: ProfileDraft | null): NotificationPrefs => draft?.prefs ?? saved.prefs;

export function edit(saved: NotificationPrefsState, draft: ProfileDraft | null, change: Partial<NotificationPrefs>): ProfileDraft {
  const base = draft ?? { prefs: saved.prefs, baseVersion: saved.version };
  return { ...base, prefs: { ...base.prefs, ...change } };
}

/** Ticking a location means "notify me for it"; the preferences store the ones left out. */
export function withLocation(prefs: NotificationPrefs, locationId: number, notify: boolean): Partial<NotificationPrefs> {
  const muted = prefs.mutedLocationIds.filter((id) => id !== locationId);
  return { mutedLocationIds: notify ? muted : [...muted, locationId].sort((a, b) => a - b) };
}

/** Exclusions of locations the member no longer works at are dropped on save. */
export function forSave(prefs: NotificationPrefs, locations: readonly Location[]): NotificationPrefs {
  return { ...prefs, mutedLocationIds: prefs.mutedLocationIds.filter((id) => locations.some((location) => location.id === id)) };
}

export const DEFAULT_QUIET_HOURS = { start: 22 * 60, end: 7 * 60 };

export const hasChanges = (saved: NotificationPrefsState, draft: ProfileDraft | null): boolean =>
  draft !== null && JSON.stringify(draft.prefs) !== JSON.stringify(saved.prefs);
