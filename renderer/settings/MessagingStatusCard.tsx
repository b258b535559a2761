// "Turn Client Connect on or off": the current status and the Enable/Disable button under it.
// Disabling asks first, and says that the history is kept (R2).
import { useId, useState } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog';

interface MessagingStatusCardProps {
  enabled: boolean;
  saving: boolean;
  onSetEnabled: (enabled: boolean) => void;
}

export function MessagingStatusCard({ enabled, saving, onSetEnabled }: MessagingStatusCardProps) {
  const titleId = useId();
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="settings-card" aria-labelledby={titleId}>
      <h2 id={titleId} className="settings-card__title">
        Client messaging status
      </h2>
      <div className="settings-card__row">
        <div>
          <p className="status-line" role="status" data-testid="client-connect-status">
            <span className={`status-dot ${enabled ? 'status-dot--on' : 'status-dot--off'}`} aria-hidden="true" />
            Client Connect is {enabled ? 'enabled' : 'disabled'}
          </p>
          <p className="settings-card__help">
            {enabled
              ? 'Clients can message your business from their appointment, and your team can access and reply to conversations in the Messages inbox.'
              : "Clients can't start new conversations and your team can't send or receive messages. Existing conversation history is kept and comes back when you enable messaging again."}
          </p>
        </div>
        <button
          type="button"
          className={enabled ? 'secondary-button' : 'primary-button'}
          disabled={saving}
          onClick={() => (enabled ? setConfirming(true) : onSetEnabled(true))}
        >
          {enabled ? 'Disable' : 'Enable'}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Turn off Client Connect?"
        confirmLabel="Turn off"
        cancelLabel="Keep it on"
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          onSetEnabled(false);
        }}
      >
        <p>
          Clients won't be able to start conversations or send messages, and your team won't be able to send or
          receive them.
        </p>
        <p>Your conversation history is kept, and it's available again as soon as you enable Client Connect.</p>
      </ConfirmDialog>
    </section>
  );
}
