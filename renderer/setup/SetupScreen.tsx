// First run of an installed app that hosts its own inbox: set up the business and become its
// owner (signed in straight away), or explore the demo salon instead.
import { useId, useMemo } from 'react';
import { PASSWORD_MIN_LENGTH, type SignInResponse } from '../../shared/http';
import { FieldError } from '../ui/FieldError';
import { PasswordField } from '../ui/PasswordField';
import { countryOfLocale, countryOptions } from './countries';
import type { SetupApi } from './setupApi';
import { useSetupForm, type SetupFields } from './useSetupForm';

interface SetupScreenProps {
  api: SetupApi;
  onSignedIn: (response: SignInResponse) => void;
  onDemoReady: () => void;
}

export function SetupScreen({ api, onSignedIn, onDemoReady }: SetupScreenProps) {
  const locale = typeof navigator === 'undefined' ? undefined : navigator.language;
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const form = useSetupForm(api, countryOfLocale(locale), onSignedIn, onDemoReady);
  const countryId = useId();

  const text = (field: keyof SetupFields, label: string, type: 'text' | 'email' = 'text', placeholder?: string) => (
    <TextField label={label} type={type} value={form.fields[field]} placeholder={placeholder} onChange={form.set(field)} error={form.problems[field]} />
  );

  return (
    <main className="sign-in">
      <div className="sign-in__card sign-in__card--wide">
        <p className="brand-mark" aria-hidden="true">
          FD
        </p>
        <h1 className="sign-in__title">Set up Front Desk Inbox</h1>
        <p className="sign-in__lead">This computer runs your inbox. Tell it about your business and create your owner account.</p>
        <form className="sign-in__form" onSubmit={(event) => void form.submit(event)} noValidate>
          {text('workspaceName', 'Business name')}
          <label htmlFor={countryId}>Country</label>
          <select
            id={countryId}
            value={form.fields.country}
            aria-invalid={form.problems.country ? true : undefined}
            aria-describedby={form.problems.country ? `${countryId}-error` : undefined}
            onChange={(event) => form.set('country')(event.target.value)}
          >
            <option value="">Choose a country</option>
            {countries.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </select>
          <FieldError id={`${countryId}-error`} message={form.problems.country} />
          {text('locationName', 'First location', 'text', form.fields.workspaceName || 'e.g. the salon on High Street')}
          {text('ownerName', 'Your name')}
          {text('email', 'Your email', 'email')}
          <PasswordField label={`Password (at least ${PASSWORD_MIN_LENGTH} characters)`} autoComplete="new-password" value={form.fields.password} onChange={form.set('password')} error={form.problems.password} />
          <PasswordField label="Type the password again" autoComplete="new-password" value={form.fields.confirmPassword} onChange={form.set('confirmPassword')} error={form.problems.confirmPassword} />
          {form.error && (
            <p className="form-error" role="alert">
              {form.error}
            </p>
          )}
          <button type="submit" className="primary-button primary-button--wide" disabled={form.pending}>
            {form.pending ? 'Setting up…' : 'Create my inbox'}
          </button>
        </form>
        <button type="button" className="secondary-button lock-screen__password" disabled={form.pending} onClick={() => void form.loadDemo()}>
          Explore the demo salon instead
        </button>
      </div>
    </main>
  );
}

function TextField(props: {
  label: string;
  type: 'text' | 'email';
  value: string;
  placeholder?: string | undefined;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type={props.type}
        value={props.value}
        placeholder={props.placeholder}
        autoComplete={props.type === 'email' ? 'username' : 'off'}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
      <FieldError id={`${id}-error`} message={props.error} />
    </>
  );
}
