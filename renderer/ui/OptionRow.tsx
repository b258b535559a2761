// One checkbox with its label and a line of help below it, as the settings, team and profile
// pages list their options. The help text describes the checkbox to assistive technology.
import type { ReactNode, Ref } from 'react';

interface OptionRowProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement> | undefined;
  children: ReactNode;
}

export function OptionRow({ id, label, checked, onChange, disabled, inputRef, children }: OptionRowProps) {
  return (
    <div className="option-row">
      <input
        ref={inputRef}
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-describedby={`${id}-help`}
        onChange={(event) => onChange(event.target.checked)}
      />
      <div>
        <label htmlFor={id} className="option-row__label">
          {label}
        </label>
        <p id={`${id}-help`} className="option-row__help">
          {children}
        </p>
      </div>
    </div>
  );
}
