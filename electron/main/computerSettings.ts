// Owns the settings people may choose on this computer where IT fixed nothing: start at login
// and start minimised. A choice is kept in the local preference cache and merged into what the
// renderer is told; a setting IT fixed is never changed from here.
import type { ComputerSettingKey, ManagedConfigView } from '../../shared/ipc';

export interface ChoiceStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

const CHOICE_PREFIX = 'computer.';

/** Thrown (and shown to the person) when the app is asked to change what IT fixed. */
export class ManagedSettingError extends Error {
  override readonly name = 'ManagedSettingError';
}

/** IT's view with this computer's own choices filled in for the settings IT left open. */
export function withLocalChoices(view: ManagedConfigView, store: ChoiceStore): ManagedConfigView {
  const settings = { ...view.settings };
  for (const key of ['startAtLogin', 'startMinimized'] as const) {
    const choice = store.get(CHOICE_PREFIX + key);
    if (!view.locked.includes(key) && typeof choice === 'boolean') settings[key] = choice;
  }
  return { ...view, settings };
}

export interface ChooseOptions {
  readonly store: ChoiceStore;
  /** Registers or unregisters the app as a login item (startAtLogin.ts does the OS part). */
  readonly applyStartAtLogin: (openAtLogin: boolean) => void;
}

/** Records a choice made on this computer and applies it; returns the view the renderer shows. */
export function chooseComputerSetting(
  view: ManagedConfigView,
  key: ComputerSettingKey,
  value: boolean,
  options: ChooseOptions,
): ManagedConfigView {
  if (view.locked.includes(key)) throw new ManagedSettingError('Your IT team manages this setting on this computer.');
  if (key === 'startAtLogin') options.applyStartAtLogin(value);
  options.store.set(CHOICE_PREFIX + key, value);
  return withLocalChoices(view, options.store);
}
