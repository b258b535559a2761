// Ends every session of a member, after asking: on a shared front-desk computer this signs out
// whoever is using it, so the manager should mean it.
import { useId, useState } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog';

interface SignOutEverywhereProps {
  memberName: string;
  state: { pending: boolean; result: string | null; error: string | null };
  onConfirm: () => void;
}

export function SignOutEverywhere({ memberName, state, onConfirm }: SignOutEverywhereProps) {
  const titleId = useId();
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="settings-card" aria-labelledby={titleId}>
      <div className="settings-card__row">
        <div>
          <h2 id={titleId} className="settings-card__title">
            Apply changes now
          </h2>
          <p className="settings-card__help">
            Signs {memberName} out on every computer and browser. Their new permissions and locations apply when they
            sign in again.
          </p>
        </div>
        <button type="button" className="secondary-button" disabled={state.pending} onClick={() => setConfirming(true)}>
          Sign out of all devices
        </button>
      </div>
      <p className="settings-card__result" role="status">
        {state.result}
      </p>
      {state.error && (
        <p className="notice notice--error" role="alert">
          {state.error}
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Sign ${memberName} out of all devices?`}
        confirmLabel="End all sessions"
        cancelLabel="Keep signed in"
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          onConfirm();
        }}
      >
        <p>
          {memberName} will be signed out everywhere, including on any shared front-desk computer they are using now.
          A reply they are still typing there will be lost.
        </p>
      </ConfirmDialog>
    </section>
  );
}
