// The member's quick-switch PIN: 4 to 8 digits for the lock screen of a shared reception
// computer. Belongs in the member's profile; shown on This computer until that page exists.
import { useId } from 'react';
import { PIN_MAX_LENGTH, PIN_MIN_LENGTH } from '../../shared/reception';
import { usePinSettings } from './usePinSettings';

export function PinSettings() {
  const form = usePinSettings();
  const titleId = useId();
  const pinId = useId();
  const confirmId = useId();
  const passwordId = useId();
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
        {status === null
          ? ''
          : status.locked
            ? 'Your PIN is locked after too many wrong tries. Signing in with your email and password unlocks it.'
            : status.hasPin
              ? 'You have a PIN.'
              : "You haven't set a PIN yet."}
      </p>
      <form className="pin-settings__form" onSubmit={(event) => void form.save(event)} noValidate>
        <div className="form-field">
          <label htmlFor={pinId}>{status?.hasPin ? 'New PIN' : 'PIN'}</label>
          <input
            id={pinId}
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            maxLength={PIN_MAX_LENGTH}
            value={form.pin}
            onChange={(event) => form.setPin(event.target.value.replace(/\D/g, ''))}
          />
        </div>
        <div className="form-field">
          <label htmlFor={confirmId}>Type the PIN again</label>
          <input
            id={confirmId}
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            maxLength={PIN_MAX_LENGTH}
            value={form.confirmPin}
            onChange={(event) => form.setConfirmPin(event.target.value.replace(/\D/g, ''))}
          />
        </div>
        <div className="form-field">
          <label htmlFor={passwordId}>Your password</label>
          <input
            id={passwordId}
            type="password"
            autoComplete="current-password"
            value={form.password}
            onChange={(event) => form.setPassword(event.target.value)}
          />
        </div>
        {form.error && (
          <p className="form-error" role="alert">
            {form.error}
          </p>
        )}
        <p className="settings-card__result" role="status">
          {form.saved}
        </p>
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
