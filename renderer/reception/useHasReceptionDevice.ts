// Whether this computer is set up for quick switching, checked whenever nobody is signed in,
// so the sign-in screen can offer PINs there.
import { useEffect, useState } from 'react';
import type { DesktopBridge } from '../../shared/bridge';
import { readReceptionDevice } from './receptionDevice';

export function useHasReceptionDevice(bridge: DesktopBridge, signedIn: boolean): boolean {
  const [hasDevice, setHasDevice] = useState(false);
  useEffect(() => {
    if (signedIn) return;
    let cancelled = false;
    void readReceptionDevice(bridge).then((device) => {
      if (!cancelled) setHasDevice(device !== null);
    });
    return () => {
      cancelled = true;
    };
  }, [bridge, signedIn]);
  return hasDevice;
}
