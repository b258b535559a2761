// "How we let you know" on the client page (R11): replies always reach the app; email and text
// are the client's choice, with the address the salon has for them.
import { useId } from 'react';
import { FieldError } from '../ui/FieldError';
import { formatPhoneNumber } from '../ui/phoneNumber';
import type { ClientApi } from './clientApi';
import { useOwnNotifications } from './useOwnNotifications';

export function ClientNotifications({ api, workspaceName }: { api: ClientApi; workspaceName: string }) {
  const { current, saving, error, problems, saved, set } = useOwnNotifications(api);
  const id = useId();
  if (!current) return null;
  const channel = (key: 'email' | 'sms', address: string | null, label: string, missing: string) => {
    const helpId = address === null ? `${id}-${key}-help` : null;
    const errorId = problems[key] ? `${id}-${key}-error` : null;
    const describedBy = [helpId, errorId].filter(Boolean).join(' ');
    return (
      <div className="client-notifications__row">
        <input
          id={`${id}-${key}`}
          type="checkbox"
          checked={current[key]}
          disabled={saving || (address === null && !current[key])}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) => void set({ [key]: event.target.checked })}
        />
        <label htmlFor={`${id}-${key}`}>{address ? `${label} ${address}` : label}</label>
        {address === null && (
          <p id={`${id}-${key}-help`} className="client-notifications__help">
            {missing}
          </p>
        )}
        <FieldError id={`${id}-${key}-error`} message={problems[key]} />
      </div>
    );
  };
  return (
    <section className="client-notifications" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="client-notifications__title">
        How we let you know
      </h2>
      <p>Replies from {workspaceName} always appear here.</p>
      {channel('email', current.emailAddress, 'Also email me at', `Ask ${workspaceName} to add your email address.`)}
      {channel('sms', current.mobile === null ? null : formatPhoneNumber(current.mobile), 'Also text me at', `Ask ${workspaceName} to add your mobile number.`)}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p className="client-notifications__saved" role="status">
        {saved && !error ? 'Saved.' : ''}
      </p>
    </section>
  );
}
