import { describe, expect, it } from 'vitest';
import type { ManagedConfigView } from '../../shared/ipc';
import { chooseComputerSetting, ManagedSettingError, withLocalChoices, type ChoiceStore } from './computerSettings';
import { DEFAULT_SETTINGS } from './managedConfig';

function memoryStore(): ChoiceStore & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  return { values, get: (key) => values.get(key), set: (key, value) => void values.set(key, value) };
}

const open: ManagedConfigView = { settings: DEFAULT_SETTINGS, locked: [], problem: null };
const managed: ManagedConfigView = { settings: { ...DEFAULT_SETTINGS, startAtLogin: true }, locked: ['startAtLogin'], problem: null };

describe('settings chosen on this computer', () => {
  it('applies start at login when chosen, remembers both choices, and reports them back', () => {
    const store = memoryStore();
    const registered: boolean[] = [];
    const options = { store, applyStartAtLogin: (value: boolean) => registered.push(value) };
    const afterLogin = chooseComputerSetting(open, 'startAtLogin', true, options);
    const afterMinimised = chooseComputerSetting(afterLogin, 'startMinimized', true, options);
    expect(registered).toEqual([true]);
    expect(afterMinimised.settings).toMatchObject({ startAtLogin: true, startMinimized: true });
    // At the next start the choices come back from the store.
    expect(withLocalChoices(open, store).settings).toMatchObject({ startAtLogin: true, startMinimized: true });
  });

  it('never changes what IT fixed, and ignores an old choice for it', () => {
    const store = memoryStore();
    store.set('computer.startAtLogin', false);
    const registered: boolean[] = [];
    expect(() => chooseComputerSetting(managed, 'startAtLogin', false, { store, applyStartAtLogin: (value) => registered.push(value) })).toThrow(
      ManagedSettingError,
    );
    expect(registered).toEqual([]);
    expect(withLocalChoices(managed, store).settings.startAtLogin).toBe(true);
  });

  it('stores nothing when the OS refuses the login item', () => {
    const store = memoryStore();
    const refuse = () => {
      throw new Error('Start at login could not be changed: EACCES');
    };
    expect(() => chooseComputerSetting(open, 'startAtLogin', true, { store, applyStartAtLogin: refuse })).toThrow(/EACCES/);
    expect(store.values.size).toBe(0);
  });
});
