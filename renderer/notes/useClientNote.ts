// The client note beside a conversation: loaded on (re)connect, followed live, and saved with
// the version it was edited from. A colleague's newer save is shown as a clash, with what this
// member wrote kept in the box to merge by hand, never overwritten silently.
import { useCallback, useEffect, useState } from 'react';
import { clientNoteSchema, type ClientNote } from '../../shared/noteEvents';
import { describeError } from '../api/errors';
import { useStaff } from '../session/StaffContext';

type Editing = { text: string; expectedVersion: number };

export function useClientNote(conversationId: number) {
  const { api } = useStaff();
  const [note, setNote] = useState<ClientNote | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [clash, setClash] = useState<ClientNote | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState('');

  useEffect(() => {
    const unsubscribers = [
      api.whenConnected(() => {
        void api.request('clientNote:get', { conversationId }).then((result) => {
          if (result.ok) {
            setNote(result.data);
            setLoadError(null);
          } else setLoadError(describeError(result.error));
        });
      }),
      api.subscribe('clientNote:updated', (pushed) =>
        setNote((current) => (current && current.clientId === pushed.clientId && pushed.version >= current.version ? pushed : current)),
      ),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [api, conversationId]);

  const startEditing = useCallback(() => {
    if (!note) return;
    setEditing({ text: note.text, expectedVersion: note.version });
    setProblem(null);
    setClash(null);
    setSaved('');
  }, [note]);
  const change = useCallback((text: string) => setEditing((current) => current && { ...current, text }), []);
  const cancel = useCallback(() => {
    setEditing(null);
    setProblem(null);
    setClash(null);
  }, []);

  const save = useCallback(async () => {
    if (!editing) return;
    setSaving(true);
    const result = await api.request('clientNote:update', { conversationId, text: editing.text, expectedVersion: editing.expectedVersion });
    setSaving(false);
    if (result.ok) {
      setNote(result.data);
      setEditing(null);
      setProblem(null);
      setClash(null);
      setSaved('Client note saved.');
      return;
    }
    setProblem(describeError(result.error));
    const theirs = result.error.code === 'conflict' ? clientNoteSchema.safeParse(result.error.details) : null;
    if (theirs?.success) {
      // Theirs is shown above the box; saving again puts this text over it, knowingly.
      setNote(theirs.data);
      setClash(theirs.data);
      setEditing({ ...editing, expectedVersion: theirs.data.version });
    }
  }, [api, conversationId, editing]);

  return { note, loadError, editing, problem, clash, saving, saved, startEditing, change, cancel, save };
}
