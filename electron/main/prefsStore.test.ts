import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPrefsStore, PREF_VALUE_MAX_BYTES, PrefValueError } from './prefsStore';

// electron-store reads app paths from Electron when it can. Outside Electron there is no
// `electron` module to load (its binary is not installed), so stand in an empty one; the store
// then uses the cwd we give it and writes a real file there.
vi.mock('electron', () => ({ default: {} }));

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'inbox-prefs-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

const fileContents = () => JSON.parse(readFileSync(join(directory, 'prefs.json'), 'utf8')) as unknown;

describe('prefs store', () => {
  it('keeps values in a JSON file that survives a new store instance', () => {
    const prefs = createPrefsStore(directory);
    prefs.set('inbox.sort', 'unread-first');
    prefs.set('inbox.filters', { locationId: 2, unreadOnly: true });

    const reopened = createPrefsStore(directory);
    expect(reopened.get('inbox.sort')).toBe('unread-first');
    expect(reopened.get('inbox.filters')).toEqual({ locationId: 2, unreadOnly: true });
    expect(fileContents()).toEqual({
      'inbox.sort': 'unread-first',
      'inbox.filters': { locationId: 2, unreadOnly: true },
    });
  });

  it('keeps a member\'s notification preferences for the next start (R10)', () => {
    const state = {
      prefs: { desktop: true, sound: false, showPreview: false, mutedLocationIds: [2], quietHours: { start: 1320, end: 420 } },
      version: 4,
      updatedAt: 1,
    };
    createPrefsStore(directory).set('notify.prefs:3', state);
    expect(createPrefsStore(directory).get('notify.prefs:3')).toEqual(state);
    expect(createPrefsStore(directory).get('notify.prefs:4')).toBeUndefined();
  });

  it('treats dotted keys as names, not nested paths', () => {
    const prefs = createPrefsStore(directory);
    prefs.set('inbox', 1);
    prefs.set('inbox.sort', 'newest');
    expect(prefs.get('inbox')).toBe(1);
    expect(prefs.get('inbox.sort')).toBe('newest');
  });

  it('answers undefined for unknown keys and clears a key set to undefined', () => {
    const prefs = createPrefsStore(directory);
    expect(prefs.get('never.written')).toBeUndefined();
    prefs.set('lock.minutes', 5);
    prefs.set('lock.minutes', undefined);
    expect(createPrefsStore(directory).get('lock.minutes')).toBeUndefined();
  });

  it('stores what reading back returns: plain JSON', () => {
    const prefs = createPrefsStore(directory);
    prefs.set('lastSeen', new Date(Date.UTC(2025, 0, 2)));
    expect(prefs.get('lastSeen')).toBe('2025-01-02T00:00:00.000Z');
  });

  it('refuses values that are not JSON or too large, keeping the old value', () => {
    const prefs = createPrefsStore(directory);
    prefs.set('draft', 'kept');
    expect(() => prefs.set('draft', 10n)).toThrow(PrefValueError);
    expect(() => prefs.set('draft', () => 1)).toThrow('The preference "draft" cannot be saved: its value is not plain JSON.');
    expect(() => prefs.set('draft', 'x'.repeat(PREF_VALUE_MAX_BYTES))).toThrow(/too large to save/);
    expect(prefs.get('draft')).toBe('kept');
  });

  it('starts afresh from a damaged file instead of failing', () => {
    writeFileSync(join(directory, 'prefs.json'), '{ not json');
    const prefs = createPrefsStore(directory);
    expect(prefs.get('inbox.sort')).toBeUndefined();
    prefs.set('inbox.sort', 'newest');
    expect(fileContents()).toEqual({ 'inbox.sort': 'newest' });
  });
});
