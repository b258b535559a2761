// Every keyboard shortcut of the inbox, declared once: the key handlers look their keys up here
// and the "Keyboard shortcuts" overlay lists this same table, so the two can never disagree.
// Single keys (J, K, E, R, /, ?) act only while the focus is not in a text field, so typing a
// reply or a search never triggers them; combinations with Ctrl/Cmd or Alt act everywhere.

/** Whether a modifier must be held (true), must not be (false), or does not matter. */
type Held = boolean | 'either';

export interface KeyCombo {
  /** `KeyboardEvent.key`; letters are matched in either case. */
  key: string;
  /** Ctrl, or Cmd on a Mac. Default false. */
  mod?: Held;
  /** Default false. Punctuation such as ? or / sits on a shifted key on many layouts: 'either'. */
  shift?: Held;
  /** Default false. */
  alt?: Held;
}

/** Where a shortcut is handled: anywhere in the inbox, in the conversation list, or in the reply box. */
export type ShortcutScope = 'inbox' | 'list' | 'composer' | 'dialog';

export interface Shortcut<A extends string = ShortcutAction> {
  action: A;
  scope: ShortcutScope;
  /** What it does, as the overlay says it. */
  description: string;
  keys: readonly KeyCombo[];
}

export type ShortcutAction =
  | 'focusSearch'
  | 'nextUnread'
  | 'previousUnread'
  | 'focusReply'
  | 'quickReply'
  | 'markDone'
  | 'showShortcuts'
  | 'listNext'
  | 'listPrevious'
  | 'listFirst'
  | 'listLast'
  | 'send'
  | 'sendAndMarkDone'
  | 'previousPhoto'
  | 'nextPhoto'
  | 'close';

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'focusSearch', scope: 'inbox', description: 'Search messages and clients', keys: [{ key: 'k', mod: true }] },
  { action: 'nextUnread', scope: 'inbox', description: 'Next conversation with unread messages', keys: [{ key: 'j' }, { key: 'ArrowDown', alt: true }] },
  { action: 'previousUnread', scope: 'inbox', description: 'Previous conversation with unread messages', keys: [{ key: 'k' }, { key: 'ArrowUp', alt: true }] },
  { action: 'focusReply', scope: 'inbox', description: 'Write a reply', keys: [{ key: 'r' }] },
  { action: 'quickReply', scope: 'inbox', description: 'Insert a quick reply', keys: [{ key: '/', shift: 'either' }] },
  { action: 'markDone', scope: 'inbox', description: 'Mark the open conversation done', keys: [{ key: 'e' }, { key: 'd', mod: true, shift: true }] },
  { action: 'showShortcuts', scope: 'inbox', description: 'Show these keyboard shortcuts', keys: [{ key: '?', shift: 'either' }] },
  { action: 'listNext', scope: 'list', description: 'Next conversation in the list', keys: [{ key: 'ArrowDown' }] },
  { action: 'listPrevious', scope: 'list', description: 'Previous conversation in the list', keys: [{ key: 'ArrowUp' }] },
  { action: 'listFirst', scope: 'list', description: 'First conversation in the list', keys: [{ key: 'Home' }] },
  { action: 'listLast', scope: 'list', description: 'Last conversation in the list', keys: [{ key: 'End' }] },
  // Listed before Send: Ctrl/Cmd+Shift+Enter is this one, not a plain send.
  { action: 'sendAndMarkDone', scope: 'composer', description: 'Send the reply and mark the conversation done', keys: [{ key: 'Enter', mod: true, shift: true }] },
  { action: 'send', scope: 'composer', description: 'Send the reply (Shift+Enter starts a new line)', keys: [{ key: 'Enter', mod: 'either' }] },
  { action: 'previousPhoto', scope: 'dialog', description: 'Previous photo in the photo viewer', keys: [{ key: 'ArrowLeft' }] },
  { action: 'nextPhoto', scope: 'dialog', description: 'Next photo in the photo viewer', keys: [{ key: 'ArrowRight' }] },
  { action: 'close', scope: 'dialog', description: 'Close the photo viewer or this list', keys: [{ key: 'Escape' }] },
];

/** Headings of the overlay, one per scope, in the order it shows them. */
export const SCOPE_TITLES: Record<ShortcutScope, string> = {
  inbox: 'Anywhere in the inbox',
  list: 'In the conversation list (Enter opens the conversation)',
  composer: 'In the reply box',
  dialog: 'In the photo viewer and dialogs',
};

/** The parts of a KeyboardEvent a shortcut depends on. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const heldMatches = (wanted: Held | undefined, held: boolean): boolean => wanted === 'either' || (wanted ?? false) === held;

export function comboMatches(combo: KeyCombo, press: KeyPress): boolean {
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  return (
    key === combo.key &&
    heldMatches(combo.mod, press.ctrlKey || press.metaKey) &&
    heldMatches(combo.shift, press.shiftKey) &&
    heldMatches(combo.alt, press.altKey)
  );
}

/** A single key with no Ctrl/Cmd or Alt would type a character in a text field. */
const typesCharacter = (combo: KeyCombo): boolean => combo.key.length === 1 && combo.mod !== true && combo.alt !== true;

/** The action a key press asks for in `scope`, or null. `inTextField`: single-key shortcuts are
 * then left to the field. */
export function shortcutFor(press: KeyPress, scope: ShortcutScope, inTextField = false, table: readonly Shortcut[] = SHORTCUTS): ShortcutAction | null {
  for (const shortcut of table) {
    if (shortcut.scope !== scope) continue;
    for (const combo of shortcut.keys) {
      if (inTextField && typesCharacter(combo)) continue;
      if (comboMatches(combo, press)) return shortcut.action;
    }
  }
  return null;
}

const KEY_NAMES: Record<string, string> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
};

/** "Ctrl+K" (or "⌘K" on a Mac), "Alt+↓", "J", "?": how the overlay writes a combination. */
export function comboLabel(combo: KeyCombo, mac: boolean): string {
  const key = KEY_NAMES[combo.key] ?? (combo.key.length === 1 ? combo.key.toUpperCase() : combo.key);
  const parts: string[] = [];
  if (combo.mod === true) parts.push(mac ? '⌘' : 'Ctrl');
  if (combo.alt === true) parts.push(mac ? '⌥' : 'Alt');
  if (combo.shift === true) parts.push(mac ? '⇧' : 'Shift');
  parts.push(key);
  return mac ? parts.join('') : parts.join('+');
}

/** Inputs that take typing (not checkboxes or buttons), text areas, selects and editable content. */
export function isTextField(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (element instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(element.type);
  return element instanceof HTMLElement && element.isContentEditable;
}

export const isMacPlatform = (): boolean => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
