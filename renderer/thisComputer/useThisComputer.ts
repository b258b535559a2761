// Loads what the This computer screen shows: IT's managed configuration as the desktop reports
// it, the server address and this computer's reception device.
import { useCallback, useEffect, useState } from 'react';
import type { DesktopBridge } from '../../shared/bridge';
import { managedConfigViewSchema, type ComputerSettingKey, type ManagedConfigView } from '../../shared/ipc';
import type { ReceptionDevice } from '../../shared/reception';
import { readReceptionDevice, saveReceptionDevice } from '../reception/receptionDevice';

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
      if (!cancelled) setComputer({ view: managedConfigViewSchema.parse(view), serverUrl, device });
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

  const [choiceError, setChoiceError] = useState<string | null>(null);
  const choose = useCallback(
    async (key: ComputerSettingKey, value: boolean) => {
      setChoiceError(null);
      try {
        const view = managedConfigViewSchema.parse(await bridge.chooseSetting(key, value));
        setComputer((current) => current && { ...current, view });
      } catch (error) {
        // Electron prefixes IPC errors with the channel; the reason is after the last colon.
        const message = error instanceof Error ? error.message.replace(/^.*Error: /, '') : String(error);
        setChoiceError(`That setting wasn't changed. ${message}`);
      }
    },
    [bridge],
  );

  return { computer, setDevice, choose, choiceError };
}
