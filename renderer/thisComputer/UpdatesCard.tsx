// Automatic updates on this computer: where they stand, "Check for updates" and "Restart to
// update" (which waits, and says so, while replies are still waiting to be sent).
import { useEffect, useId, useState } from 'react';
import { updateStatusSchema, type UpdateStatus } from '../../shared/ipc';
import { useStaff } from '../session/StaffContext';
import { describeUpdates } from './updateStatus';

export function UpdatesCard() {
  const { bridge } = useStaff();
  const titleId = useId();
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    const show = (next: unknown) => {
      const parsed = updateStatusSchema.safeParse(next);
      if (current && parsed.success) setStatus(parsed.data);
    };
    const unsubscribe = bridge.onUpdateStatus(show);
    bridge.updateStatus().then(show, () => current && setFailed(true));
    return () => {
      current = false;
      unsubscribe();
    };
  }, [bridge]);

  const act = (request: () => Promise<UpdateStatus>) => {
    setFailed(false);
    request().then(
      (next) => setStatus(updateStatusSchema.parse(next)),
      () => setFailed(true),
    );
  };

  const view = status ? describeUpdates(status) : null;
  return (
    <section className="settings-card" aria-labelledby={titleId} data-testid="updates">
      <h2 id={titleId} className="settings-card__title">
        Updates
      </h2>
      {view && status && (
        <div className="settings-card__row">
          <div role="status" data-state={status.state} className={view.tone === 'warning' ? 'notice notice--warning' : undefined}>
            <p>
              <strong>{view.headline}</strong>
            </p>
            {view.detail && <p className="settings-card__help">{view.detail}</p>}
          </div>
          {view.action === 'check' && (
            <button type="button" className="secondary-button" onClick={() => act(() => bridge.checkForUpdates())}>
              Check for updates
            </button>
          )}
          {view.action === 'install' && (
            <button type="button" className="secondary-button" onClick={() => act(() => bridge.installUpdate())}>
              Restart to update
            </button>
          )}
        </div>
      )}
      {failed && (
        <p className="form-error" role="alert">
          The desktop app did not answer. Restart Front Desk Inbox and try again.
        </p>
      )}
    </section>
  );
}
