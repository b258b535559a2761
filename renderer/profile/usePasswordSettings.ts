// Changing one's own password: the current one (a colleague at an unlocked screen can't), the
// new one twice. The server signs out every other session of the member, so the form says how
// many, and clears their quick-switch PIN, so the form says so and the PIN card is told.
import { useState, type FormEvent } from 'react';
import { serverErrorText } from '../api/callServer';
import { problemsSummary, type FieldProblems } from '../api/errors';
import { useReception } from '../reception/ReceptionContext';
import { useSubmission } from '../ui/useSubmission';
import { passwordChangeProblems, type PasswordField } from './passwordProblems';

const signedOutText = (count: number) =>
  count === 0 ? '' : ` ${count === 1 ? '1 other session was' : `${count} other sessions were`} signed out.`;

export function usePasswordSettings(onPinCleared: () => void = () => {}) {
  const { api, sessionToken } = useReception();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const submission = useSubmission();
  const [problems, setProblems] = useState<FieldProblems<PasswordField>>({});

  const save = async (event: FormEvent) => {
    event.preventDefault();
    // Every problem at once, each beside its field.
    const found = passwordChangeProblems({ currentPassword, newPassword, confirmPassword });
    setProblems(found);
    const summary = problemsSummary(found);
    if (summary) return submission.fail(summary);
    await submission.run(async () => {
      const result = await api.changePassword(sessionToken, currentPassword, newPassword);
      setCurrentPassword('');
      if (!result.ok) return { error: serverErrorText(result.error) };
      setNewPassword('');
      setConfirmPassword('');
      if (result.data.pinCleared) onPinCleared();
      const pinText = result.data.pinCleared ? ' Your quick-switch PIN was cleared with the old password: set a new one above.' : '';
      return { saved: `Your password is changed. Use it the next time you sign in.${signedOutText(result.data.signedOutSessions)}${pinText}` };
    });
  };

  const { pending, error, saved } = submission;
  return { currentPassword, setCurrentPassword, newPassword, setNewPassword, confirmPassword, setConfirmPassword, pending, error, saved, problems, save };
}
