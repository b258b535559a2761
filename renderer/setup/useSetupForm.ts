// The first-run form: the business, its country and first location, and its owner (whoever is
// setting it up), checked here with the server's own rules before it is sent.
import { useState, type FormEvent } from 'react';
import type { SignInResponse } from '../../shared/http';
import { serverErrorText } from '../api/callServer';
import { fieldProblemsOf, problemsSummary, type FieldProblems } from '../api/errors';
import type { SetupApi } from './setupApi';
import { checkSetup, SETUP_FIELDS, type SetupField, type SetupFields } from './setupProblems';

export type { SetupFields } from './setupProblems';

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
  const [problems, setProblems] = useState<FieldProblems<SetupField>>({});
  const set = (field: keyof SetupFields) => (value: string) => setFields((current) => ({ ...current, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    // Every problem at once, each beside its field.
    const checked = checkSetup(fields);
    if (!checked.ok) {
      setProblems(checked.problems);
      setError(problemsSummary(checked.problems));
      return;
    }
    setProblems({});
    setPending(true);
    setError(null);
    const result = await api.setUp(checked.request);
    setPending(false);
    if (result.ok) {
      onSignedIn(result.data);
      return;
    }
    const fromServer = result.error.code === 'bad_request' ? fieldProblemsOf(result.error.details, SETUP_FIELDS) : {};
    setProblems(fromServer);
    setError(problemsSummary(fromServer) ?? serverErrorText(result.error));
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

  return { fields, set, pending, error, problems, submit, loadDemo };
}
