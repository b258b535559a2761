// "Are notifications working on this computer?": sends a test notification and says what to
// fix when the system or browser blocks it.
import { useId, useState } from 'react';
import { notificationCheckSchema, type NotificationCheck } from '../../shared/bridge';
import { useStaff } from '../session/StaffContext';

const HEADLINES: Record<NotificationCheck['outcome'], string> = {
  shown: 'Test notification sent.',
  sent: 'Test notification sent.',
  blocked: 'Notifications are blocked.',
  unsupported: "This computer can't show notifications.",
  failed: 'The test notification failed.',
};

export function NotificationSelfCheck() {
  const { bridge } = useStaff();
  const titleId = useId();
  const [checking, setChecking] = useState(false);
  const [check, setCheck] = useState<NotificationCheck | null>(null);

  const run = async () => {
    setChecking(true);
    setCheck(null);
    try {
      setCheck(notificationCheckSchema.parse(await bridge.testNotification()));
    } catch {
      setCheck({ outcome: 'failed', advice: 'The desktop app did not answer. Restart Front Desk Inbox and try again.' });
    } finally {
      setChecking(false);
    }
  };

  const problem = check !== null && check.outcome !== 'shown' && check.outcome !== 'sent';
  return (
    <section className="settings-card" aria-labelledby={titleId}>
      <h2 id={titleId} className="settings-card__title">
        Desktop notifications
      </h2>
      <div className="settings-card__row">
        <p className="settings-card__help">Check that new client messages will show as notifications on this computer.</p>
        <button type="button" className="secondary-button" disabled={checking} onClick={() => void run()}>
          {checking ? 'Sending…' : 'Send a test notification'}
        </button>
      </div>
      <div
        role="status"
        data-testid="notification-check"
        data-outcome={check?.outcome}
        className={problem ? 'notice notice--warning' : check ? 'notice notice--info' : undefined}
      >
        {check && (
          <>
            <p>
              <strong>{HEADLINES[check.outcome]}</strong>
            </p>
            <p>{check.advice}</p>
          </>
        )}
      </div>
    </section>
  );
}
