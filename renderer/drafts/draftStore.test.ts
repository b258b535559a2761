// Drafts on the device: per member and conversation, written after a pause, removed when sent.
import { describe, expect, it } from 'vitest';
import { createPrefsStore } from '../desktop/prefsStore';
import { createDraftStore, draftKey } from './draftStore';

function setup(memberId = 7) {
  const storage = new Map<string, string>();
  const prefs = createPrefsStore({
    getItem: (key) => storage.get(key) ?? null,
    setItem: (key, value) => void storage.set(key, value),
    removeItem: (key) => void storage.delete(key),
  });
  const bridge = { readPref: (key: string) => Promise.resolve(prefs.read(key)), writePref: (key: string, value: unknown) => Promise.resolve(prefs.write(key, value)) };
  const scheduled: (() => void)[] = [];
  const timers = { set: (run: () => void) => scheduled.push(run), clear: () => {} };
  const store = (member = memberId) => createDraftStore(bridge, member, { now: () => 1000, timers });
  return { storage, prefs, store, runTimers: () => scheduled.splice(0).forEach((run) => run()) };
}

describe('draft store', () => {
  it('keeps a draft per conversation across a new store (a reload) once the pause has passed', async () => {
    const { store, runTimers, prefs } = setup();
    const drafts = store();
    drafts.save(1, 'Half a reply');
    drafts.save(2, 'Another one');
    expect(prefs.read(draftKey(7, 1))).toBeUndefined();
    runTimers();
    await Promise.resolve();
    const reloaded = store();
    expect(await reloaded.load(1)).toBe('Half a reply');
    expect(await reloaded.load(2)).toBe('Another one');
    expect(await reloaded.load(3)).toBe('');
  });

  it('answers what is typed before it is written, and writes it on flush', async () => {
    const { store } = setup();
    const drafts = store();
    drafts.save(1, 'Typing');
    expect(await drafts.load(1)).toBe('Typing');
    await drafts.flush();
    expect(await store().load(1)).toBe('Typing');
  });

  it('removes the draft once sent or emptied', async () => {
    const { store, storage } = setup();
    const drafts = store();
    drafts.save(1, 'Sent soon');
    drafts.save(2, 'Deleted soon');
    await drafts.flush();
    drafts.clear(1);
    drafts.save(2, '   ');
    await drafts.flush();
    expect(await store().load(1)).toBe('');
    expect(await store().load(2)).toBe('');
    expect([...storage.keys()]).toEqual([]);
  });

  it('never shows one member\'s draft to the next member on the same computer', async () => {
    const { store } = setup();
    const first = store(7);
    first.save(1, 'Private note to the client');
    await first.flush();
    expect(await store(8).load(1)).toBe('');
    expect(await store(7).load(1)).toBe('Private note to the client');
  });

  it('treats an unreadable stored value as no draft', async () => {
    const { store, prefs } = setup();
    prefs.write(draftKey(7, 1), { text: 42 });
    expect(await store().load(1)).toBe('');
  });
});
