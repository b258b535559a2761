// State of the PIN form: whether the member has a PIN, and setting, changing or removing it
// (each needs their password, so a colleague at an unlocked screen can't change it).
import { useEffect, useState, type FormEvent } from 'react';
import { pinSchema, type PinStatus } from '../../shared/reception';
import { serverErrorText } from '../api/callServer';
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
      setError(serverErrorText(result.error));
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
    const checked = pinSchema.safeParse(pin);
    if (!checked.success) {
      setError(checked.error.issues[0]?.message ?? 'Choose another PIN.');
      return;
    }
    if (pin !== confirmPin) {
      setError("The two PINs don't match. Type the same PIN twice.");
      return;
    }
    if (password === '') {
      setError('Enter your password to confirm it is you.');
      return;
    }
    setPending(true);
    setError(null);
    finish(await api.setPin(sessionToken, pin, password), 'Your PIN is saved. Use it on the lock screen of a reception computer.');
  };

  const remove = async () => {
    if (pending) return;
    setSaved(null);
    if (password === '') {
      setError('Enter your password to remove your PIN.');
      return;
    }
    setPending(true);
    setError(null);
    finish(await api.removePin(sessionToken, password), 'Your PIN is removed.');
  };

  return { status, pin, setPin, confirmPin, setConfirmPin, password, setPassword, pending, error, saved, save, remove };
}
