// Settings → Team: the computers set up for quick switching (PIN sign-in), so a manager can
// remove one that is lost, sold or moved to another location.
import { useId, useState } from 'react';
import type { ReceptionComputer } from '../../shared/reception';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { FormOutcome } from '../ui/FormOutcome';
import { formatAppointmentTime } from '../ui/format';
import { useReceptionComputers } from './useReceptionComputers';

export function ReceptionComputers() {
  const { computers, error, removed, remove } = useReceptionComputers();
  const [confirming, setConfirming] = useState<ReceptionComputer | null>(null);
  const titleId = useId();

  return (
    <section className="settings-card" aria-labelledby={titleId} data-testid="reception-computers">
      <h2 id={titleId} className="settings-card__title">
        Reception computers
      </h2>
      <p className="settings-card__help">
        Computers set up for quick switching: team members of their location sign in on them with a PIN. Remove one that
        is lost, sold or moved. Whoever is signed in on it stays signed in; sign them out of all devices to end that too.
      </p>
      {computers && computers.length === 0 && <p className="settings-card__help">No computer is set up for quick switching.</p>}
      {computers && computers.length > 0 && (
        <ul className="reception-computers">
          {computers.map((computer) => (
            <li key={computer.id} className="settings-card__row" data-testid="reception-computer">
              <div>
                <p className="reception-computers__name">
                  {computer.location.name}
                  {computer.locked ? ' · locked after wrong PINs' : ''}
                </p>
                <p className="settings-card__help">
                  Set up {formatAppointmentTime(computer.registeredAt)}
                  {computer.registeredBy ? ` by ${computer.registeredBy}` : ''}
                </p>
              </div>
              <button type="button" className="secondary-button" onClick={() => setConfirming(computer)}>
                Remove <span className="visually-hidden">the computer at {computer.location.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <FormOutcome error={error} saved={removed} />
      <ConfirmDialog
        open={confirming !== null}
        title={`Remove the reception computer at ${confirming?.location.name ?? ''}?`}
        confirmLabel="Remove computer"
        cancelLabel="Keep it"
        danger
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          if (confirming) void remove(confirming);
          setConfirming(null);
        }}
      >
        <p>Nobody can switch to themselves with a PIN on it any more. Setting it up again needs a password sign-in on that computer.</p>
      </ConfirmDialog>
    </section>
  );
}
