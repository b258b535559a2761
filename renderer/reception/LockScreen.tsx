// The lock screen of a shared reception computer: pick your name, enter your PIN, and the app
// is yours. Anyone can instead sign in with an email and password.
import { useId, useMemo } from 'react';
import type { DesktopBridge } from '../../shared/bridge';
import type { SignInResponse } from '../../shared/http';
import { createReceptionApi } from './receptionApi';
import { useLockScreen } from './useLockScreen';

interface LockScreenProps {
  serverUrl: string;
  bridge: DesktopBridge;
  onSwitched: (response: SignInResponse) => void;
  onUsePassword: () => void;
  /** Nobody is signed in: the same screen offers a PIN sign-in instead of unlocking. */
  signedOut?: boolean;
  /** Whose session stays open underneath a locked screen. */
  signedInName?: string | null;
}

export function LockScreen({ serverUrl, bridge, onSwitched, onUsePassword, signedOut = false, signedInName = null }: LockScreenProps) {
  const api = useMemo(() => createReceptionApi(serverUrl), [serverUrl]);
  const screen = useLockScreen(api, bridge, onSwitched);
  const titleId = useId();
  const pinId = useId();
  const errorId = useId();
  const { roster } = screen;

  return (
    <main className="sign-in lock-screen" aria-labelledby={titleId} data-testid="lock-screen">
      <div className="sign-in__card lock-screen__card">
        <p className="brand-mark" aria-hidden="true">
          FD
        </p>
        <h1 id={titleId} className="sign-in__title">
          {signedOut ? 'Sign in with your PIN' : 'This computer is locked'}
        </h1>
        {!signedOut && signedInName && (
          <p className="sign-in__lead" data-testid="lock-signed-in">
            {signedInName} is still signed in underneath.
          </p>
        )}
        {roster.kind === 'loading' && <p className="sign-in__lead">Loading who works here…</p>}
        {roster.kind === 'not-set-up' && (
          <p className="sign-in__lead">
            Quick switching isn't set up on this computer. Sign in with your email and password; then set it up in
            Settings → This computer.
          </p>
        )}
        {roster.kind === 'error' && (
          <div className="lock-screen__problem">
            <p className="form-error" role="alert">
              {roster.message}
            </p>
            <button type="button" className="secondary-button" onClick={screen.reload}>
              Try again
            </button>
          </div>
        )}
        {roster.kind === 'ready' && (
          <>
            <p className="sign-in__lead">
              {roster.roster.location.name} · Pick your name and enter your PIN.
            </p>
            {roster.roster.locked && (
              <p className="notice notice--info" role="status">
                Too many wrong PINs on this computer. Sign in with your email and password to switch on PINs again.
              </p>
            )}
            {roster.roster.members.length === 0 ? (
              <p>Nobody at {roster.roster.location.name} has set a PIN yet. Set one in Settings → This computer.</p>
            ) : (
              <ul className="lock-screen__members" aria-label="Team members">
                {roster.roster.members.map((member) => (
                  <li key={member.id}>
                    <button
                      type="button"
                      className="lock-screen__member"
                      aria-pressed={screen.picked?.id === member.id}
                      onClick={() => screen.pick(member.id)}
                    >
                      <span className="lock-screen__initials" aria-hidden="true">
                        {initials(member.name)}
                      </span>
                      <span>{member.name}</span>
                      {member.pinLocked && <span className="lock-screen__hint">PIN locked</span>}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {screen.picked && (
              <form className="sign-in__form" onSubmit={(event) => void screen.submit(event)} noValidate>
                <label htmlFor={pinId}>PIN for {screen.picked.name}</label>
                <input
                  id={pinId}
                  type="password"
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={16}
                  value={screen.pin}
                  onChange={(event) => screen.setPin(event.target.value.replace(/\D/g, ''))}
                  aria-describedby={screen.error ? errorId : undefined}
                  autoFocus
                />
                <button type="submit" className="primary-button primary-button--wide" disabled={screen.pending || screen.pin === ''}>
                  {screen.pending ? 'Checking…' : signedOut ? 'Continue' : 'Unlock'}
                </button>
              </form>
            )}
          </>
        )}
        {screen.error && (
          <p id={errorId} className="form-error" role="alert">
            {screen.error}
          </p>
        )}
        <button type="button" className="secondary-button lock-screen__password" onClick={onUsePassword}>
          Sign in with email and password
        </button>
      </div>
    </main>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}
