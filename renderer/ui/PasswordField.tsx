// A labelled password (or PIN) input, as every form that asks for one shows it.
import { useId } from 'react';

interface PasswordFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  autoComplete: 'current-password' | 'new-password';
  /** A PIN: digits only, with the numeric keyboard on touch screens. */
  digitsOnly?: { maxLength: number };
}

export function PasswordField({ label, value, onChange, autoComplete, digitsOnly }: PasswordFieldProps) {
  const id = useId();
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        autoComplete={autoComplete}
        value={value}
        {...(digitsOnly ? { inputMode: 'numeric' as const, maxLength: digitsOnly.maxLength } : {})}
        onChange={(event) => onChange(digitsOnly ? event.target.value.replace(/\D/g, '') : event.target.value)}
      />
    </div>
  );
}
