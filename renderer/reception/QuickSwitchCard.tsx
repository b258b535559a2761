// Sets this computer up for quick switching: binds it to a location (IT's, when the managed
// configuration names one) with the signed-in member's password sign-in.
import { useId, useState } from 'react';
import type { Location } from '../../shared/domain';
import type { ReceptionDevice } from '../../shared/reception';
import { serverErrorText } from '../api/callServer';
import { useReception } from './ReceptionContext';
import { FormOutcome } from '../ui/FormOutcome';

interface QuickSwitchCardProps {
  device: ReceptionDevice | null;
  /** IT's location for this computer (id or name), or null when the computer may choose. */
  managedLocation: number | string | null;
  /** Where the signed-in member works: the locations they may set this computer up for. */
  locations: readonly Location[];
  onRegistered: (device: ReceptionDevice) => Promise<void>;
}

export function QuickSwitchCard({ device, managedLocation, locations, onRegistered }: QuickSwitchCardProps) {
  const { api, sessionToken } = useReception();
  const titleId = useId();
  const selectId = useId();
  const [chosen, setChosen] = useState<number | null>(device?.location.id ?? locations[0]?.id ?? null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const location = managedLocation ?? chosen;

  const register = async () => {
    if (pending || location === null) return;
    setPending(true);
    setError(null);
    setDone(null);
    const result = await api.registerDevice(sessionToken, { location, ...(device ? { deviceToken: device.deviceToken } : {}) });
    setPending(false);
    if (!result.ok) {
      setError(serverErrorText(result.error));
      return;
    }
    await onRegistered(result.data);
    setDone(`This computer is set up for quick switching at ${result.data.location.name}.`);
  };

  return (
    <section className="settings-card" aria-labelledby={titleId} data-testid="quick-switch-setup">
      <h2 id={titleId} className="settings-card__title">
        Quick switching
      </h2>
      <p className="settings-card__help">
        {device
          ? `Set up for ${device.location.name}: team members there who have a PIN pick their name on the lock screen and enter it.`
          : 'Set this computer up so that team members of its location can switch to themselves with a PIN. It needs a sign-in with email and password.'}
      </p>
      {managedLocation === null ? (
        <div className="form-field">
          <label htmlFor={selectId}>Location of this computer</label>
          <select id={selectId} value={chosen ?? ''} onChange={(event) => setChosen(Number(event.target.value))}>
            {locations.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p>
          Location: {String(managedLocation)} <span className="managed-badge">Managed by IT</span>
        </p>
      )}
      <FormOutcome error={error} saved={done} />
      <div className="settings-card__actions">
        <button type="button" className="primary-button" disabled={pending || location === null} onClick={() => void register()}>
          {device ? 'Update quick switching' : 'Set up quick switching'}
        </button>
      </div>
    </section>
  );
}
