import { describe, expect, it } from 'vitest';
import { nearestUnread } from './nextUnread';
import { comboLabel, SHORTCUTS, shortcutFor, type KeyPress } from './shortcuts';

const press = (key: string, held: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...held,
});

describe('the shortcut table', () => {
  it('finds the inbox action of each single key and combination', () => {
    expect(shortcutFor(press('k', { ctrlKey: true }), 'inbox')).toBe('focusSearch');
    expect(shortcutFor(press('k', { metaKey: true }), 'inbox')).toBe('focusSearch');
    expect(shortcutFor(press('K', { metaKey: true, shiftKey: false }), 'inbox')).toBe('focusSearch');
    expect(shortcutFor(press('j'), 'inbox')).toBe('nextUnread');
    expect(shortcutFor(press('k'), 'inbox')).toBe('previousUnread');
    expect(shortcutFor(press('ArrowDown', { altKey: true }), 'inbox')).toBe('nextUnread');
    expect(shortcutFor(press('ArrowUp', { altKey: true }), 'inbox')).toBe('previousUnread');
    expect(shortcutFor(press('r'), 'inbox')).toBe('focusReply');
    expect(shortcutFor(press('/'), 'inbox')).toBe('quickReply');
    expect(shortcutFor(press('e'), 'inbox')).toBe('markDone');
    expect(shortcutFor(press('D', { ctrlKey: true, shiftKey: true }), 'inbox')).toBe('markDone');
    // "?" is Shift+/ on many layouts and unshifted on others: both count.
    expect(shortcutFor(press('?', { shiftKey: true }), 'inbox')).toBe('showShortcuts');
    expect(shortcutFor(press('?'), 'inbox')).toBe('showShortcuts');
  });

  it('leaves single keys to a text field, but not combinations with Ctrl/Cmd or Alt', () => {
    for (const key of ['j', 'k', 'r', 'e', '/', '?']) expect(shortcutFor(press(key), 'inbox', true)).toBeNull();
    expect(shortcutFor(press('k', { ctrlKey: true }), 'inbox', true)).toBe('focusSearch');
    expect(shortcutFor(press('ArrowDown', { altKey: true }), 'inbox', true)).toBe('nextUnread');
    expect(shortcutFor(press('d', { metaKey: true, shiftKey: true }), 'inbox', true)).toBe('markDone');
  });

  it('does not take a key held with a modifier it does not declare', () => {
    expect(shortcutFor(press('J', { shiftKey: true }), 'inbox')).toBeNull();
    expect(shortcutFor(press('e', { ctrlKey: true }), 'inbox')).toBeNull();
    expect(shortcutFor(press('r', { altKey: true }), 'inbox')).toBeNull();
    expect(shortcutFor(press('ArrowDown'), 'inbox')).toBeNull();
    expect(shortcutFor(press('d', { ctrlKey: true }), 'inbox')).toBeNull();
  });

  it('keeps each scope to its own keys', () => {
    expect(shortcutFor(press('ArrowDown'), 'list')).toBe('listNext');
    expect(shortcutFor(press('End'), 'list')).toBe('listLast');
    expect(shortcutFor(press('j'), 'list')).toBeNull();
    expect(shortcutFor(press('Enter'), 'composer', true)).toBe('send');
    expect(shortcutFor(press('Enter', { ctrlKey: true }), 'composer', true)).toBe('send');
    expect(shortcutFor(press('Enter', { ctrlKey: true, shiftKey: true }), 'composer', true)).toBe('sendAndMarkDone');
    expect(shortcutFor(press('Enter', { shiftKey: true }), 'composer', true)).toBeNull();
    expect(shortcutFor(press('ArrowRight'), 'dialog')).toBe('nextPhoto');
    expect(shortcutFor(press('Escape'), 'dialog')).toBe('close');
  });

  it('gives every combination one action per scope: no two shortcuts share a key', () => {
    const seen = new Map<string, string>();
    for (const shortcut of SHORTCUTS) {
      for (const combo of shortcut.keys) {
        const id = `${shortcut.scope}:${comboLabel(combo, false)}`;
        expect(seen.get(id), id).toBeUndefined();
        seen.set(id, shortcut.action);
      }
    }
  });

  it('writes combinations as people read them on each platform', () => {
    expect(comboLabel({ key: 'k', mod: true }, false)).toBe('Ctrl+K');
    expect(comboLabel({ key: 'k', mod: true }, true)).toBe('⌘K');
    expect(comboLabel({ key: 'd', mod: true, shift: true }, false)).toBe('Ctrl+Shift+D');
    expect(comboLabel({ key: 'ArrowDown', alt: true }, false)).toBe('Alt+↓');
    expect(comboLabel({ key: '?', shift: 'either' }, false)).toBe('?');
    expect(comboLabel({ key: 'Escape' }, true)).toBe('Esc');
  });
});

describe('next and previous conversation with unread messages', () => {
  const list = [
    { id: 10, unreadCount: 2 },
    { id: 11, unreadCount: 0 },
    { id: 12, unreadCount: 1 },
    { id: 13, unreadCount: 0 },
  ];

  it('moves to the nearest unread one after or before the open one', () => {
    expect(nearestUnread(list, 10, 1)).toBe(12);
    expect(nearestUnread(list, 13, -1)).toBe(12);
    expect(nearestUnread(list, 12, -1)).toBe(10);
  });

  it('starts from the top (or the end) when nothing open is in the list', () => {
    expect(nearestUnread(list, null, 1)).toBe(10);
    expect(nearestUnread(list, null, -1)).toBe(12);
    expect(nearestUnread(list, 99, 1)).toBe(10);
  });

  it('finds none past the ends, without wrapping round', () => {
    expect(nearestUnread(list, 12, 1)).toBeNull();
    expect(nearestUnread(list, 10, -1)).toBeNull();
    expect(nearestUnread([], null, 1)).toBeNull();
  });
});
