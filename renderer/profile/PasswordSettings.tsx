// The member's own password, on their Profile page.
import { useId } from 'react';
import { PASSWORD_MIN_LENGTH } from '../../shared/http';
import { FormOutcome } from '../ui/FormOutcome';
import { PasswordField } from '../ui/PasswordField';
import { usePasswordSettings } from './usePasswordSettings';

/** `onPinCleared`: the change took the member's PIN away too (the PIN card shows it again). */
export function PasswordSettings({ onPinCleared }: { onPinCleared?: () => void }) {
  const form = usePasswordSettings(onPinCleared);
  const titleId = useId();

  return (
    <section className="settings-card" aria-labelledby={titleId} data-testid="password-settings">
      <h2 id={titleId} className="settings-card__title">
        Your password
      </h2>
      <p className="settings-card__help">
        Use at least {PASSWORD_MIN_LENGTH} characters. Changing it signs you out on every other computer and browser.
      </p>
      <form className="pin-settings__form" onSubmit={(event) => void form.save(event)} noValidate>
        <PasswordField label="Current password" autoComplete="current-password" value={form.currentPassword} onChange={form.setCurrentPassword} error={form.problems.currentPassword} />
        <PasswordField label="New password" autoComplete="new-password" value={form.newPassword} onChange={form.setNewPassword} error={form.problems.newPassword} />
        <PasswordField label="Type the new password again" autoComplete="new-password" value={form.confirmPassword} onChange={form.setConfirmPassword} error={form.problems.confirmPassword} />
        <FormOutcome error={form.error} saved={form.saved} />
        <div className="settings-card__actions">
          <button type="submit" className="primary-button" disabled={form.pending}>
            Change password
          </button>
        </div>
      </form>
    </section>
  );
}
