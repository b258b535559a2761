// A forgotten password: the manager sets a new one to hand over. The member's sessions end;
// they can choose their own password again on their Profile page.
import { useId, useState, type FormEvent } from 'react';
import { newPasswordSchema, PASSWORD_MIN_LENGTH } from '../../shared/http';
import { describeError } from '../api/errors';
import { useStaff } from '../session/StaffContext';
import { FormOutcome } from '../ui/FormOutcome';
import { PasswordField } from '../ui/PasswordField';
import { useSubmission } from '../ui/useSubmission';

export function SetMemberPassword({ memberId, memberName }: { memberId: number; memberName: string }) {
  const { api } = useStaff();
  const titleId = useId();
  const [password, setPassword] = useState('');
  const { pending, error, saved, fail, run } = useSubmission();

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const checked = newPasswordSchema.safeParse(password);
    if (!checked.success) return fail(checked.error.issues[0]?.message ?? 'Choose another password.');
    await run(async () => {
      const result = await api.request('member:set-password', { memberId, password });
      if (!result.ok) return { error: describeError(result.error) };
      setPassword('');
      const { endedSessions } = result.data;
      const signedOut = endedSessions === 0 ? '' : ` They were signed out of ${endedSessions === 1 ? '1 session' : `${endedSessions} sessions`}.`;
      return { saved: `${memberName}'s new password is set: give it to them.${signedOut}` };
    });
  };

  return (
    <section className="settings-card" aria-labelledby={titleId}>
      <h2 id={titleId} className="settings-card__title">
        Forgotten password
      </h2>
      <p className="settings-card__help">
        Set a new password for {memberName} (at least {PASSWORD_MIN_LENGTH} characters) and give it to them. They are signed
        out everywhere and can choose their own on their Profile page.
      </p>
      <form onSubmit={(event) => void save(event)} noValidate>
        <PasswordField label="New password for them" autoComplete="new-password" value={password} onChange={setPassword} />
        <FormOutcome error={error} saved={saved} />
        <div className="settings-card__actions">
          <button type="submit" className="secondary-button" disabled={pending}>
            Set password
          </button>
        </div>
      </form>
    </section>
  );
}
