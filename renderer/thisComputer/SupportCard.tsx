// Help for IT and support: the app's log files and a diagnostics summary (no message text, no
// passwords or tokens) to paste into a message to support. Desktop app only.
import { useId, useState } from 'react';
import { useStaff } from '../session/StaffContext';

type Outcome = { ok: boolean; text: string } | null;

export function SupportCard() {
  const { bridge } = useStaff();
  const titleId = useId();
  const [outcome, setOutcome] = useState<Outcome>(null);

  const run = (work: () => Promise<unknown>, done: string) => {
    setOutcome(null);
    work().then(
      () => setOutcome({ ok: true, text: done }),
      (error: unknown) => {
        // Electron prefixes IPC errors with the channel; the reason is after the last colon.
        const reason = error instanceof Error ? error.message.replace(/^.*Error: /, '') : String(error);
        setOutcome({ ok: false, text: reason });
      },
    );
  };

  return (
    <section className="settings-card" aria-labelledby={titleId} data-testid="support">
      <h2 id={titleId} className="settings-card__title">
        Help from support
      </h2>
      <p className="settings-card__help">
        The app keeps logs on this computer. Diagnostics list its version, the system, where its settings come from, the
        server and recent errors, without messages, passwords or other secrets.
      </p>
      <div className="settings-card__row">
        <button type="button" className="secondary-button" onClick={() => run(() => bridge.openLogsFolder(), 'The logs folder is open.')}>
          Open logs folder
        </button>
        <button
          type="button"
          className="secondary-button"
          onClick={() => run(() => bridge.copyDiagnostics(), 'Diagnostics copied. Paste them into your message to support.')}
        >
          Copy diagnostics
        </button>
      </div>
      {outcome && (
        <p className={outcome.ok ? 'notice notice--info' : 'form-error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
    </section>
  );
}
