// Changing one's own password: the current one (a colleague at an unlocked screen can't), the
// new one twice. The server signs out every other session of the member, so the form says how
// many.
import { useState, type FormEvent } from 'react';
import { changePasswordRequestSchema } from '../../shared/http';
import { serverErrorText } from '../api/callServer';
import { useReception } from '../lock/ReceptionContext';

const signedOutText = (count: number) =>
  count === 0 ? '' : ` ${count === 1 ? '1 other session was' : `${count} other sessions were`} signed out.`;

export function usePasswordSettings() {
  const { api, sessionToken } = useReception();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setSaved(null);
    const checked = changePasswordRequestSchema.safeParse({ currentPassword, newPassword });
    if (!checked.success) {
      setError(checked.error.issues[0]?.message ?? 'Check the passwords.');
      return;
    }
    if (newPassword !== confirmPassword) {
      setError("The two new passwords don't match. Type the same password twice.");
      return;
    }
    setPending(true);
    setError(null);
    const result = await api.changePassword(sessionToken, currentPassword, newPassword);
    setPending(false);
    setCurrentPassword('');
    if (!result.ok) {
      setError(serverErrorText(result.error));
      return;
    }
    setNewPassword('');
    setConfirmPassword('');
    setSaved(`Your password is changed. Use it the next time you sign in.${signedOutText(result.data.signedOutSessions)}`);
  };

  return { currentPassword, setCurrentPassword, newPassword, setNewPassword, confirmPassword, setConfirmPassword, pending, error, saved, save };
}
