import { describe, expect, it } from 'vitest';
import { DEFAULT_MANAGED_SETTINGS, type ManagedConfigView } from '../../shared/ipc';
import { computerSettingRows } from './thisComputer';

const device = { deviceToken: 't'.repeat(43), location: { id: 1, name: 'Lumen Soho' } };

describe('This computer rows', () => {
  it('marks what IT fixed as managed and shows its values', () => {
    const view: ManagedConfigView = {
      settings: { ...DEFAULT_MANAGED_SETTINGS, serverMode: 'remote', serverUrl: 'https://inbox.salon.example', location: 'Soho', startAtLogin: true },
      locked: ['serverMode', 'serverUrl', 'location', 'startAtLogin'],
      problem: null,
    };
    const rows = computerSettingRows(view, 'electron', 'https://inbox.salon.example', device);
    expect(rows.map((row) => [row.label, row.value, row.managed, row.toggle])).toEqual([
      ['Server', "The salon's server at https://inbox.salon.example", true, null],
      ['Location', 'Soho', true, null],
      ['Start at login', 'On', true, null],
      // What IT left open, people may switch here.
      ['Start minimised in the tray', 'Off', false, { key: 'startMinimized', checked: false }],
      ['Automatic updates', 'On', false, null],
    ]);
  });

  it('shows this computer\'s quick-switching location when IT set none', () => {
    const view: ManagedConfigView = { settings: DEFAULT_MANAGED_SETTINGS, locked: [], problem: null };
    const rows = computerSettingRows(view, 'electron', 'http://127.0.0.1:4780', device);
    expect(rows.find((row) => row.key === 'location')).toEqual({ key: 'location', label: 'Location', value: 'Lumen Soho', managed: false, toggle: null });
    expect(rows[0]?.value).toBe('This computer runs the server (http://127.0.0.1:4780)');
    expect(computerSettingRows(view, 'electron', 'x', null).find((row) => row.key === 'location')?.value).toBe('Not set');
  });

  it('in a browser, names the page\'s server and leaves desktop settings out', () => {
    const view: ManagedConfigView = { settings: DEFAULT_MANAGED_SETTINGS, locked: [], problem: null };
    const rows = computerSettingRows(view, 'web', 'http://127.0.0.1:4780', null);
    expect(rows.map((row) => row.value)).toEqual([
      'The server this page came from (http://127.0.0.1:4780)',
      'Not set',
      'Only in the desktop app',
      'Only in the desktop app',
      'Only in the desktop app',
    ]);
    expect(rows.every((row) => row.toggle === null)).toBe(true);
  });
});
