// The member's quick-switch PIN: 4 to 8 digits for the lock screen of a shared reception
// computer. Belongs in the member's profile; shown on This computer until that page exists.
import { useId } from 'react';
import { PIN_MAX_LENGTH, PIN_MIN_LENGTH } from '../../shared/reception';
import { FormOutcome } from '../ui/FormOutcome';
import { PasswordField } from '../ui/PasswordField';
import { pinStatusText } from './pinStatusText';
import { usePinSettings } from './usePinSettings';

export function PinSettings() {
  const form = usePinSettings();
  const titleId = useId();
  const { status } = form;

  return (
    <section className="settings-card" aria-labelledby={titleId} data-testid="pin-settings">
      <h2 id={titleId} className="settings-card__title">
        Your quick-switch PIN
      </h2>
      <p className="settings-card__help">
        On a shared reception computer, pick your name on the lock screen and enter your PIN instead of your email and
        password. Use {PIN_MIN_LENGTH} to {PIN_MAX_LENGTH} digits that others can't guess.
      </p>
      <p role="status" className="pin-settings__status">
        {pinStatusText(status)}
      </p>
      <form className="pin-settings__form" onSubmit={(event) => void form.save(event)} noValidate>
        <PasswordField
          label={status?.hasPin ? 'New PIN' : 'PIN'}
          autoComplete="new-password"
          digitsOnly={{ maxLength: PIN_MAX_LENGTH }}
          value={form.pin}
          onChange={form.setPin}
          error={form.problems.pin}
        />
        <PasswordField
          label="Type the PIN again"
          autoComplete="new-password"
          digitsOnly={{ maxLength: PIN_MAX_LENGTH }}
          value={form.confirmPin}
          onChange={form.setConfirmPin}
          error={form.problems.confirmPin}
        />
        <PasswordField
          label="Your password"
          autoComplete="current-password"
          value={form.password}
          onChange={form.setPassword}
          error={form.problems.password}
        />
        <FormOutcome error={form.error} saved={form.saved} />
        <div className="settings-card__actions">
          {status?.hasPin && (
            <button type="button" className="secondary-button" disabled={form.pending} onClick={() => void form.remove()}>
              Remove PIN
            </button>
          )}
          <button type="submit" className="primary-button" disabled={form.pending}>
            Save PIN
          </button>
        </div>
      </form>
    </section>
  );
}
