// Sign-in for a team member. Errors are announced; the notice explains a forced sign-out.
import { useEffect, useId } from 'react';
import type { SignInResponse } from '../../shared/http';
import { warmUpFormatters } from '../ui/format';
import { useSignInForm } from './useSignInForm';

interface SignInScreenProps {
  serverUrl: string;
  notice: string | null;
  onSignedIn: (response: SignInResponse) => void;
  /** On a reception computer set up for quick switching: sign in with a PIN instead. */
  onUsePin?: () => void;
}

export function SignInScreen({ serverUrl, notice, onSignedIn, onUsePin }: SignInScreenProps) {
  const form = useSignInForm(serverUrl, onSignedIn);
  // While the member types: the inbox's first rows then have their date formatters ready.
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') return undefined;
    const idle = requestIdleCallback(() => warmUpFormatters());
    return () => cancelIdleCallback(idle);
  }, []);
  const emailId = useId();
  const passwordId = useId();
  const errorId = useId();

  return (
    <main className="sign-in">
      <div className="sign-in__card">
        <p className="brand-mark" aria-hidden="true">
          FD
        </p>
        <h1 className="sign-in__title">Sign in to Front Desk Inbox</h1>
        <p className="sign-in__lead">Read and answer your clients' messages.</p>
        {notice && (
          <p className="notice notice--info" role="status">
            {notice}
          </p>
        )}
        <form className="sign-in__form" onSubmit={(event) => void form.submit(event)} noValidate>
          <label htmlFor={emailId}>Email</label>
          <input
            id={emailId}
            type="email"
            autoComplete="username"
            value={form.email}
            onChange={(event) => form.setEmail(event.target.value)}
            aria-describedby={form.error ? errorId : undefined}
            required
            autoFocus
          />
          <label htmlFor={passwordId}>Password</label>
          <input
            id={passwordId}
            type="password"
            autoComplete="current-password"
            value={form.password}
            onChange={(event) => form.setPassword(event.target.value)}
            aria-describedby={form.error ? errorId : undefined}
            required
          />
          {form.error && (
            <p id={errorId} className="form-error" role="alert">
              {form.error}
            </p>
          )}
          <button type="submit" className="primary-button primary-button--wide" disabled={form.pending}>
            {form.pending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        {onUsePin && (
          <button type="button" className="secondary-button lock-screen__password" onClick={onUsePin}>
            Use a PIN instead
          </button>
        )}
      </div>
    </main>
  );
}
