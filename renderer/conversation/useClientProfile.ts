// The client profile beside a conversation: loaded on (re)connect, followed live, and edited on
// the client's behalf with the server's field-level answers (R11).
import { useCallback, useEffect, useState } from 'react';
import { clientProfileSchema, type ClientProfile, type ClientProfileEdit } from '../../shared/clientProfile';
import { describeError } from '../api/errors';
import { useStaff } from '../session/StaffContext';
import { draftOf, fieldErrorsOf, type FieldErrors } from './clientProfileForm';

type Editing = { draft: ClientProfileEdit; baseVersion: number };

export function useClientProfile(conversationId: number) {
  const { api } = useStaff();
  const [profile, setProfile] = useState<ClientProfile | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [savedNote, setSavedNote] = useState('');

  useEffect(() => {
    const unsubscribers = [
      api.whenConnected(() => {
        void api.request('clientProfile:get', { conversationId }).then((result) => {
          if (result.ok) {
            setProfile(result.data);
            setLoadError(null);
          } else setLoadError(describeError(result.error));
        });
      }),
      api.subscribe('clientProfile:updated', (pushed) =>
        setProfile((current) => (current && current.clientId === pushed.clientId && pushed.version >= current.version ? pushed : current)),
      ),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [api, conversationId]);

  const startEditing = useCallback(() => {
    if (!profile) return;
    setEditing({ draft: draftOf(profile), baseVersion: profile.version });
    setFieldErrors({});
    setSaveError(null);
    setSavedNote('');
  }, [profile]);

  const change = useCallback((update: Partial<ClientProfileEdit>) => {
    setEditing((current) => current && { ...current, draft: { ...current.draft, ...update } });
  }, []);

  const cancel = useCallback(() => {
    setEditing(null);
    setFieldErrors({});
    setSaveError(null);
  }, []);

  const save = useCallback(async () => {
    if (!editing) return;
    setSaving(true);
    const result = await api.request('clientProfile:update', { conversationId, profile: editing.draft, baseVersion: editing.baseVersion });
    setSaving(false);
    if (result.ok) {
      setProfile(result.data);
      setEditing(null);
      setFieldErrors({});
      setSaveError(null);
      setSavedNote('Client profile saved.');
      return;
    }
    const errors = result.error.code === 'bad_request' ? fieldErrorsOf(result.error.details) : {};
    setFieldErrors(errors);
    // With problems shown at their fields, the summary says what happened; else the one reason.
    setSaveError(Object.keys(errors).length > 0 ? result.error.message : describeError(result.error));
    if (result.error.code === 'conflict') {
      // Their version is shown; saving again applies these edits over it.
      const theirs = clientProfileSchema.safeParse(result.error.details);
      if (theirs.success) {
        setProfile(theirs.data);
        setEditing({ ...editing, baseVersion: theirs.data.version });
      }
    }
  }, [api, conversationId, editing]);

  return { profile, loadError, editing, fieldErrors, saveError, saving, savedNote, startEditing, change, cancel, save };
}
