// The first-run form: the business, its country and first location, and its owner (whoever is
// setting it up), checked here with the server's own rules before it is sent.
import { useState, type FormEvent } from 'react';
import { setupRequestSchema, type SignInResponse } from '../../shared/http';
import { serverErrorText } from '../api/callServer';
import type { SetupApi } from './setupApi';

export type SetupFields = {
  workspaceName: string;
  country: string;
  locationName: string;
  ownerName: string;
  email: string;
  password: string;
  confirmPassword: string;
};

export function useSetupForm(api: SetupApi, initialCountry: string, onSignedIn: (response: SignInResponse) => void, onDemoReady: () => void) {
  const [fields, setFields] = useState<SetupFields>({
    workspaceName: '',
    country: initialCountry,
    locationName: '',
    ownerName: '',
    email: '',
    password: '',
    confirmPassword: '',
  });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (field: keyof SetupFields) => (value: string) => setFields((current) => ({ ...current, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const { confirmPassword, ...request } = fields;
    const checked = setupRequestSchema.safeParse({ ...request, locationName: request.locationName.trim() || request.workspaceName });
    if (!checked.success) {
      setError(checked.error.issues[0]?.message ?? 'Check the form.');
      return;
    }
    if (confirmPassword !== request.password) {
      setError("The two passwords don't match. Type the same password twice.");
      return;
    }
    setPending(true);
    setError(null);
    const result = await api.setUp(checked.data);
    setPending(false);
    if (result.ok) onSignedIn(result.data);
    else setError(serverErrorText(result.error));
  };

  const loadDemo = async () => {
    if (pending) return;
    setPending(true);
    setError(null);
    const result = await api.loadDemo();
    setPending(false);
    if (result.ok) onDemoReady();
    else setError(serverErrorText(result.error));
  };

  return { fields, set, pending, error, submit, loadDemo };
}
