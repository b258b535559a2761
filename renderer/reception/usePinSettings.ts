// State of the PIN form: whether the member has a PIN, and setting, changing or removing it
// (each needs their password, so a colleague at an unlocked screen can't change it).
import { useEffect, useState, type FormEvent } from 'react';
import type { PinStatus } from '../../shared/reception';
import { serverErrorText } from '../api/callServer';
import { fieldProblemsOf, problemsSummary, type FieldProblems } from '../api/errors';
import { PIN_FIELDS, pinProblems, pinRemovalProblems, type PinField } from './pinProblems';
import { useReception } from './ReceptionContext';

export function usePinSettings() {
  const { api, sessionToken } = useReception();
  const [status, setStatus] = useState<PinStatus | null>(null);
  const [pin, setPin] = useState('');
  const [confirmPin, setConfirmPin] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [problems, setProblems] = useState<FieldProblems<PinField>>({});

  useEffect(() => {
    let cancelled = false;
    void api.pinStatus(sessionToken).then((result) => {
      if (cancelled) return;
      if (result.ok) setStatus(result.data);
      else setError(serverErrorText(result.error));
    });
    return () => {
      cancelled = true;
    };
  }, [api, sessionToken]);

  const finish = (result: Awaited<ReturnType<typeof api.setPin>>, done: string) => {
    setPending(false);
    setPassword('');
    if (!result.ok) {
      const fromServer = result.error.code === 'bad_request' ? fieldProblemsOf(result.error.details, PIN_FIELDS) : {};
      setProblems(fromServer);
      setError(problemsSummary(fromServer) ?? serverErrorText(result.error));
      return;
    }
    setStatus(result.data);
    setPin('');
    setConfirmPin('');
    setSaved(done);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setSaved(null);
    // Every problem at once, each beside its field.
    const found = pinProblems({ pin, confirmPin, password });
    setProblems(found);
    const summary = problemsSummary(found);
    if (summary) {
      setError(summary);
      return;
    }
    setPending(true);
    setError(null);
    finish(await api.setPin(sessionToken, pin, password), 'Your PIN is saved. Use it on the lock screen of a reception computer.');
  };

  const remove = async () => {
    if (pending) return;
    setSaved(null);
    const found = pinRemovalProblems(password);
    setProblems(found);
    const summary = problemsSummary(found);
    if (summary) {
      setError(summary);
      return;
    }
    setPending(true);
    setError(null);
    finish(await api.removePin(sessionToken, password), 'Your PIN is removed.');
  };

  return { status, pin, setPin, confirmPin, setConfirmPin, password, setPassword, pending, error, saved, problems, save, remove };
}
