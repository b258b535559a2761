// The Profile page's state: the saved preferences (live from every device), the member's edits,
// and the outcome of a save.
import { useCallback, useState } from 'react';
import { notificationPrefsStateSchema, type NotificationPrefs } from '../../shared/profile';
import { describeError } from '../api/errors';
import { useStaff } from '../session/StaffContext';
import { useNotificationPrefsState, usePrefsSync } from './PrefsContext';
import { edit, forSave, hasChanges, type ProfileDraft } from './profileForm';

export type SaveOutcome = { kind: 'saved' } | { kind: 'error'; message: string } | null;

export function useProfileForm() {
  const { session } = useStaff();
  const sync = usePrefsSync();
  const saved = useNotificationPrefsState();
  const [draft, setDraft] = useState<ProfileDraft | null>(null);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome>(null);

  const change = useCallback(
    (update: Partial<NotificationPrefs>) => {
      if (!saved) return;
      setOutcome(null);
      setDraft((current) => edit(saved, current, update));
    },
    [saved],
  );

  const save = useCallback(async () => {
    if (!saved || !draft) return;
    setSaving(true);
    const result = await sync.save(forSave(draft.prefs, session.locations), draft.baseVersion);
    setSaving(false);
    if (result.ok) {
      setDraft(null);
      setOutcome({ kind: 'saved' });
      return;
    }
    if (result.error.code === 'conflict') {
      // Keep the member's edits, now based on the version saved elsewhere: saving again applies them.
      const theirs = notificationPrefsStateSchema.safeParse(result.error.details);
      const baseVersion = theirs.success ? theirs.data.version : (sync.current()?.version ?? draft.baseVersion);
      setDraft({ ...draft, baseVersion });
    }
    setOutcome({ kind: 'error', message: describeError(result.error) });
  }, [draft, saved, session.locations, sync]);

  const discard = useCallback(() => {
    setDraft(null);
    setOutcome(null);
  }, []);

  return { saved, draft, saving, outcome, changed: saved !== null && hasChanges(saved, draft), change, save, discard };
}
