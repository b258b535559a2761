// Loads what the This computer screen shows: IT's managed configuration as the desktop reports
// it, the server address and this computer's reception device.
import { useCallback, useEffect, useState } from 'react';
import type { DesktopBridge } from '../../shared/bridge';
import type { ManagedConfigView } from '../../shared/ipc';
import type { ReceptionDevice } from '../../shared/reception';
import { readReceptionDevice, saveReceptionDevice } from '../lock/receptionDevice';

export interface ThisComputer {
  view: ManagedConfigView;
  serverUrl: string;
  device: ReceptionDevice | null;
}

export function useThisComputer(bridge: DesktopBridge) {
  const [computer, setComputer] = useState<ThisComputer | null>(null);

  useEffect(() => {
    let cancelled = false;
    void Promise.all([bridge.managedConfig(), bridge.serverUrl(), readReceptionDevice(bridge)]).then(([view, serverUrl, device]) => {
      if (!cancelled) setComputer({ view, serverUrl, device });
    });
    return () => {
      cancelled = true;
    };
  }, [bridge]);

  const setDevice = useCallback(
    async (device: ReceptionDevice) => {
      await saveReceptionDevice(bridge, device);
      setComputer((current) => current && { ...current, device });
    },
    [bridge],
  );

  return { computer, setDevice };
}
