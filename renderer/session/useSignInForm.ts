// State of the sign-in form: submit, wait, and either hand over the session or show why not.
import { useState, type FormEvent } from 'react';
import type { SignInResponse } from '../../shared/http';
import { describeError } from '../api/errors';
import { signIn } from '../api/signIn';
import { warmUpFormatters } from '../ui/format';

export function useSignInForm(serverUrl: string, onSignedIn: (response: SignInResponse) => void) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    const answer = signIn(serverUrl, { email, password });
    // While the server checks the password (if the sign-in screen's idle moment has not come):
    // the inbox's first rows then draw without this work.
    warmUpFormatters();
    const result = await answer;
    setPending(false);
    if (result.ok) {
      onSignedIn(result.data);
      return;
    }
    // A wrong password comes back as `unauthenticated`; its server message is the right one here.
    setError(result.error.code === 'unauthenticated' ? result.error.message : describeError(result.error));
  };

  return { email, setEmail, password, setPassword, pending, error, submit };
}
