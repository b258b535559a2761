// A labelled password (or PIN) input, as every form that asks for one shows it.
import { useId } from 'react';
import { FieldError } from './FieldError';

interface PasswordFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  autoComplete: 'current-password' | 'new-password';
  /** A PIN: digits only, with the numeric keyboard on touch screens. */
  digitsOnly?: { maxLength: number };
  /** This field's problem, shown under it. */
  error?: string | undefined;
}

export function PasswordField({ label, value, onChange, autoComplete, digitsOnly, error }: PasswordFieldProps) {
  const id = useId();
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        autoComplete={autoComplete}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...(digitsOnly ? { inputMode: 'numeric' as const, maxLength: digitsOnly.maxLength } : {})}
        onChange={(event) => onChange(digitsOnly ? event.target.value.replace(/\D/g, '') : event.target.value)}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
