// This computer's reception device (its token and location), kept in the desktop's local
// preference cache so it outlives sign-ins and restarts, as the computer does.
import type { DesktopBridge } from '../../shared/bridge';
import { receptionDeviceSchema, type ReceptionDevice } from '../../shared/reception';
import type { ReceptionApi } from './receptionApi';

export const RECEPTION_DEVICE_PREF = 'reception.device';

export async function readReceptionDevice(bridge: DesktopBridge): Promise<ReceptionDevice | null> {
  const parsed = receptionDeviceSchema.safeParse(await bridge.readPref(RECEPTION_DEVICE_PREF).catch(() => undefined));
  return parsed.success ? parsed.data : null;
}

export async function saveReceptionDevice(bridge: DesktopBridge, device: ReceptionDevice | null): Promise<void> {
  await bridge.writePref(RECEPTION_DEVICE_PREF, device ?? undefined);
}

/** After a password sign-in on a reception computer: binds it again, which also lifts a
 * wrong-PIN lockout of the computer. Best effort: a member of another location changes nothing. */
export async function refreshReceptionDevice(api: ReceptionApi, bridge: DesktopBridge, sessionToken: string): Promise<void> {
  const device = await readReceptionDevice(bridge);
  if (!device) return;
  const managed = await bridge.managedConfig().catch(() => null);
  const location = (managed?.locked.includes('location') ? managed.settings.location : null) ?? device.location.id;
  const result = await api.registerDevice(sessionToken, { location, deviceToken: device.deviceToken });
  if (result.ok) await saveReceptionDevice(bridge, result.data);
}
