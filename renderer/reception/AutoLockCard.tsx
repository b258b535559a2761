// How long this computer waits before it locks, unless IT fixed it.
import { useId } from 'react';
import { AUTO_LOCK_CHOICES_MINUTES, describeAutoLock } from './autoLock';
import { useLockState } from './LockContext';

export function AutoLockCard() {
  const { autoLock, setAutoLockSeconds } = useLockState();
  const titleId = useId();
  const selectId = useId();
  const choices = AUTO_LOCK_CHOICES_MINUTES.map((minutes) => minutes * 60);
  // A value set outside the menu (IT's minutes, or a test's seconds) is still shown as it is.
  if (autoLock && !choices.includes(autoLock.seconds)) choices.push(autoLock.seconds);

  return (
    <section className="settings-card" aria-labelledby={titleId} data-testid="auto-lock">
      <h2 id={titleId} className="settings-card__title">
        Auto-lock
      </h2>
      <p className="settings-card__help">
        When nobody uses the app for this long, it locks: the inbox is hidden and notifications don't show message text
        until someone unlocks it.
      </p>
      <div className="form-field">
        <label htmlFor={selectId}>Lock after</label>
        <select
          id={selectId}
          value={autoLock?.seconds ?? ''}
          disabled={!autoLock || autoLock.managed}
          onChange={(event) => setAutoLockSeconds(Number(event.target.value))}
        >
          {choices
            .sort((a, b) => (a === 0 ? -1 : b === 0 ? 1 : a - b))
            .map((seconds) => (
              <option key={seconds} value={seconds}>
                {describeAutoLock(seconds).replace(/^After /, '')}
              </option>
            ))}
        </select>
        {autoLock?.managed && <p className="managed-badge">Managed by IT</p>}
      </div>
    </section>
  );
}
