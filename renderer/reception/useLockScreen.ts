// State of the lock screen: who may switch in on this computer, the name picked, the PIN, and
// the outcome of a PIN sign-in.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { DesktopBridge } from '../../shared/bridge';
import type { SignInResponse } from '../../shared/http';
import type { Roster } from '../../shared/reception';
import { serverErrorText } from '../api/callServer';
import type { ReceptionApi } from './receptionApi';
import { readReceptionDevice, saveReceptionDevice } from './receptionDevice';

export type RosterState =
  | { kind: 'loading' }
  | { kind: 'not-set-up' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; deviceToken: string; roster: Roster };

export function useLockScreen(api: ReceptionApi, bridge: DesktopBridge, onSwitched: (response: SignInResponse) => void) {
  const [roster, setRoster] = useState<RosterState>({ kind: 'loading' });
  const [pickedId, setPickedId] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => setRoster(await fetchRoster(api, bridge)), [api, bridge]);

  useEffect(() => {
    let cancelled = false;
    void fetchRoster(api, bridge).then((state) => {
      if (!cancelled) setRoster(state);
    });
    return () => {
      cancelled = true;
    };
  }, [api, bridge]);

  const pick = (memberId: number) => {
    setPickedId(memberId);
    setPin('');
    setError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending || roster.kind !== 'ready' || pickedId === null) return;
    setPending(true);
    setError(null);
    const result = await api.pinSignIn(roster.deviceToken, pickedId, pin);
    setPending(false);
    setPin('');
    if (result.ok) {
      onSwitched(result.data);
      return;
    }
    setError(serverErrorText(result.error));
    // A lockout changes what the roster says (a locked PIN or a locked computer).
    if (result.error.code === 'rate_limited' || /locked/.test(result.error.message)) void load();
  };

  const picked = roster.kind === 'ready' ? (roster.roster.members.find((member) => member.id === pickedId) ?? null) : null;
  const reload = () => {
    setRoster({ kind: 'loading' });
    void load();
  };
  return { roster, picked, pick, pin, setPin, pending, error, submit, reload };
}

async function fetchRoster(api: ReceptionApi, bridge: DesktopBridge): Promise<RosterState> {
  const device = await readReceptionDevice(bridge);
  if (!device) return { kind: 'not-set-up' };
  const result = await api.roster(device.deviceToken);
  if (result.ok) return { kind: 'ready', deviceToken: device.deviceToken, roster: result.data };
  if (result.error.code === 'unauthenticated') {
    // The server no longer knows this computer (e.g. its data was restored): set it up again.
    await saveReceptionDevice(bridge, null);
    return { kind: 'not-set-up' };
  }
  return { kind: 'error', message: serverErrorText(result.error) };
}
