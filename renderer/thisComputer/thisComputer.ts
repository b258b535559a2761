// What the This computer screen says about each setting: its value in words and whether IT
// fixed it. A browser has no managed configuration and no desktop-only settings.
import { computerSettingKeySchema, type ComputerSettingKey, type ManagedConfigView, type ManagedSettingKey } from '../../shared/ipc';
import type { ReceptionDevice } from '../../shared/reception';

export interface ComputerSettingRow {
  key: ManagedSettingKey;
  label: string;
  value: string;
  /** Set in IT's managed configuration: read-only here. */
  managed: boolean;
  /** An on/off the person may change here (desktop app, not fixed by IT). */
  toggle: { key: ComputerSettingKey; checked: boolean } | null;
}

const isToggle = (key: ManagedSettingKey): key is ComputerSettingKey => computerSettingKeySchema.safeParse(key).success;

const onOff = (value: boolean) => (value ? 'On' : 'Off');

export function computerSettingRows(
  view: ManagedConfigView,
  kind: 'electron' | 'web',
  serverUrl: string,
  device: ReceptionDevice | null,
): ComputerSettingRow[] {
  const { settings } = view;
  const managed = (key: ManagedSettingKey) => view.locked.includes(key);
  const desktopOnly = 'Only in the desktop app';

  const server =
    kind === 'web'
      ? `The server this page came from (${serverUrl})`
      : settings.serverMode === 'remote'
        ? `The salon's server at ${settings.serverUrl ?? serverUrl}`
        : `This computer runs the server (${serverUrl})${settings.allowLanConnections ? ', open to other computers on the network' : ''}`;
  const location =
    managed('location') && settings.location !== null
      ? String(settings.location)
      : device
        ? device.location.name
        : 'Not set';

  const rows: Omit<ComputerSettingRow, 'toggle'>[] = [
    { key: 'serverMode', label: 'Server', value: server, managed: managed('serverMode') },
    { key: 'location', label: 'Location', value: location, managed: managed('location') },
    {
      key: 'startAtLogin',
      label: 'Start at login',
      value: kind === 'web' ? desktopOnly : onOff(settings.startAtLogin),
      managed: managed('startAtLogin'),
    },
    {
      key: 'startMinimized',
      label: 'Start minimised in the tray',
      value: kind === 'web' ? desktopOnly : onOff(settings.startMinimized),
      managed: managed('startMinimized'),
    },
    {
      key: 'autoUpdate',
      label: 'Automatic updates',
      value: kind === 'web' ? desktopOnly : onOff(settings.autoUpdate),
      managed: managed('autoUpdate'),
    },
  ];
  return rows.map((row) => ({
    ...row,
    toggle: kind === 'electron' && !row.managed && isToggle(row.key) ? { key: row.key, checked: settings[row.key] } : null,
  }));
}
