// The renderer's offline pieces over the browser bridge's real preference cache (namespaced
// localStorage, here a Map-backed Storage): the outbox across a reload, what the chat shows of
// it, queued group edits and their conflicts, catch-up pages as pushes, the offline cache.
import { describe, expect, it } from 'vitest';
import type { PermissionGroup } from '../../shared/teamEvents';
import type { ConversationSummary, Message } from '../../shared/domain';
import { err, ok, type Result } from '../../shared/result';
import { createMemoryStorage } from '../desktop/testDoubles';
import { createWebBridge } from '../desktop/webBridge';
import { createStaffOutbox, type StaffOutboxPayload } from '../sending/staffOutbox';
import { outgoingFromOutbox } from '../sending/outgoingFromOutbox';
import type { StaffApi } from '../api/staffApi';
import { deliverSyncPage } from './catchUpStaff';
import { withLocalPushes } from './withLocalPushes';
import { CACHED_MESSAGES, offlineCache } from './offlineCache';
import { createPendingEdits, type UpdateGroup } from './pendingEdits';
import { createPendingSettings, type UpdateSettings } from './pendingSettings';
import type { SettingsState } from '../../shared/settingsEvents';

const bridgeOver = (storage: ReturnType<typeof createMemoryStorage>) =>
  createWebBridge({ origin: 'http://127.0.0.1:1', storage, document: { title: 'Inbox' }, focusWindow: () => undefined, notifications: undefined, isWindowFocused: () => true, now: () => new Date() });

const message = (id: number, senderMessageId: string, text = `m${id}`): Message => ({
  id,
  conversationId: 7,
  senderMessageId,
  author: { kind: 'staff', memberId: 1, name: 'Priya' },
  appointmentId: null,
  text,
  attachments: [],
  createdAt: id,
  readAt: null,
});
const inConversation = (conversationId: number) => (payload: StaffOutboxPayload) => payload.conversationId === conversationId;
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('staff outbox over the preference cache', () => {
  it('survives a renderer reload and sends each reply once, in order, when connected', async () => {
    const storage = createMemoryStorage();
    const sent: { senderMessageId: string; text: string }[] = [];
    let stored = 0;
    const api = {
      request: async (_name: 'message:send', payload: { senderMessageId: string; text: string }): Promise<Result<Message>> => {
        sent.push({ senderMessageId: payload.senderMessageId, text: payload.text });
        stored += 1;
        return ok(message(stored, payload.senderMessageId, payload.text));
      },
    };
    const offline = createStaffOutbox({ api: api as never, prefs: bridgeOver(storage), memberId: 3, isConnected: () => false });
    for (const [n, text] of [[1, 'first'], [2, 'second']] as const) {
      await offline.enqueue({ senderMessageId: uuid(n), queue: '7', payload: { conversationId: 7, text, attachments: [] } });
    }
    expect(await offline.flush()).toMatchObject({ delivered: 0, stoppedBy: { code: 'unavailable' } });
    expect(sent).toEqual([]);

    // The reload: a new bridge and outbox over the same localStorage.
    const reloaded = createStaffOutbox({ api: api as never, prefs: bridgeOver(storage), memberId: 3, isConnected: () => true });
    await reloaded.refresh();
    expect(outgoingFromOutbox(reloaded.snapshot(), inConversation(7), []).map((pending) => [pending.text, pending.status])).toEqual([
      ['first', 'pending'],
      ['second', 'pending'],
    ]);
    await reloaded.flush();
    expect(sent).toEqual([{ senderMessageId: uuid(1), text: 'first' }, { senderMessageId: uuid(2), text: 'second' }]);
    expect(reloaded.snapshot().entries).toEqual([]);
    expect([...storage.entries.values()]).toEqual(['[]']);
  });

  it('shows a refused reply as failed and one already stored (sent by another tab) not at all', async () => {
    const storage = createMemoryStorage();
    const api = { request: async (): Promise<Result<Message>> => err('forbidden', 'No reply permission.') };
    const outbox = createStaffOutbox({ api: api as never, prefs: bridgeOver(storage), memberId: 3, isConnected: () => true });
    await outbox.enqueue({ senderMessageId: uuid(1), queue: '7', payload: { conversationId: 7, text: 'refused', attachments: [] } });
    await outbox.enqueue({ senderMessageId: uuid(2), queue: '7', payload: { conversationId: 7, text: 'already stored', attachments: [] } });
    await outbox.flush();
    const shown = outgoingFromOutbox(outbox.snapshot(), inConversation(7), [message(9, uuid(2))]);
    expect(shown.map((pending) => [pending.text, pending.status, pending.error?.code ?? null])).toEqual([['refused', 'failed', 'forbidden']]);
    expect(outgoingFromOutbox(outbox.snapshot(), inConversation(8), [])).toEqual([]);
  });
});

const stylists: PermissionGroup = {
  id: 4,
  name: 'Stylists',
  grants: { accessChats: true, replyChats: false, manageSettings: false, manageTeam: false },
  memberCount: 1,
  version: 1,
};
const draftOf = (group: PermissionGroup) => ({ name: group.name, grants: group.grants });

/** A group store with the server's rule: a save names its base version; a stale one is a conflict with the current group. */
function versionedGroups(initial: PermissionGroup) {
  let current = initial;
  const update: UpdateGroup = async ({ groupId, name, grants, baseVersion }) => {
    if (groupId !== current.id) return err('not_found', 'No such group.');
    if (baseVersion !== current.version) return err('conflict', 'Someone else saved this group.', current);
    current = { ...current, name, grants, version: current.version + 1 };
    return ok(current);
  };
  return { update, current: () => current, otherManagerSaves: (change: Partial<PermissionGroup>) => void (current = { ...current, ...change, version: current.version + 1 }) };
}

describe('offline group edits', () => {
  it('apply without asking when nobody else changed the group, surviving a reload', async () => {
    const storage = createMemoryStorage();
    const groups = versionedGroups(stylists);
    const before = createPendingEdits(bridgeOver(storage), 1, groups.update);
    await before.queue({ groupId: 4, baseVersion: 1, base: draftOf(stylists), draft: { ...draftOf(stylists), grants: { ...stylists.grants, replyChats: true } } });
    const after = createPendingEdits(bridgeOver(storage), 1, groups.update);
    await after.load();
    expect(after.snapshot().map((edit) => edit.state)).toEqual(['queued']);
    await after.apply();
    expect(after.snapshot()).toEqual([]);
    expect(groups.current()).toMatchObject({ version: 2, grants: { replyChats: true } });
  });

  it('shows both versions when another manager changed the group, and keeps only the own edits on top', async () => {
    const groups = versionedGroups(stylists);
    const edits = createPendingEdits(bridgeOver(createMemoryStorage()), 1, groups.update);
    // Offline: two edits of the same group stack up on this computer.
    await edits.queue({ groupId: 4, baseVersion: 1, base: draftOf(stylists), draft: { ...draftOf(stylists), grants: { ...stylists.grants, replyChats: true } } });
    await edits.queue({ groupId: 4, baseVersion: 1, base: draftOf(stylists), draft: { ...draftOf(stylists), name: 'Senior stylists' } });
    groups.otherManagerSaves({ grants: { ...stylists.grants, manageSettings: true } });

    await edits.apply();
    const [conflict] = edits.snapshot();
    expect(conflict).toMatchObject({ state: 'conflict', theirs: { version: 2, grants: { manageSettings: true, replyChats: false } } });
    expect(groups.current().version).toBe(2);

    await edits.keepMine(4);
    expect(edits.snapshot()).toEqual([]);
    expect(groups.current()).toMatchObject({
      name: 'Senior stylists',
      version: 3,
      grants: { accessChats: true, replyChats: true, manageSettings: true, manageTeam: false },
    });
  });

  it('drops the own edit when the manager uses their version, and waits while offline', async () => {
    const groups = versionedGroups(stylists);
    let online = false;
    const edits = createPendingEdits(bridgeOver(createMemoryStorage()), 1, (update) => (online ? groups.update(update) : Promise.resolve(err('unavailable', 'Offline.'))));
    await edits.queue({ groupId: 4, baseVersion: 1, base: draftOf(stylists), draft: { ...draftOf(stylists), name: 'Colourists' } });
    await edits.apply();
    expect(edits.snapshot().map((edit) => edit.state)).toEqual(['queued']);
    groups.otherManagerSaves({ name: 'Hair stylists' });
    online = true;
    await edits.apply();
    expect(edits.snapshot().map((edit) => edit.state)).toEqual(['conflict']);
    await edits.useTheirs(4);
    expect(edits.snapshot()).toEqual([]);
    expect(groups.current()).toMatchObject({ name: 'Hair stylists', version: 2 });
  });
});

describe('offline settings changes', () => {
  const initial: SettingsState = { settings: { enabled: true, contactButton: true, readReceipts: true, typingIndicator: true }, version: 1, updatedAt: 0 };
  function versionedSettings() {
    let current = initial;
    const update: UpdateSettings = async ({ settings, baseVersion }) => {
      if (baseVersion !== current.version) return err('conflict', 'Someone else saved the settings.', current);
      current = { settings, version: current.version + 1, updatedAt: current.updatedAt + 1 };
      return ok(current);
    };
    return { update, current: () => current, otherManagerSaves: (change: Partial<SettingsState['settings']>) => void (current = { settings: { ...current.settings, ...change }, version: current.version + 1, updatedAt: 5 }) };
  }

  it('apply on reconnect after a reload when nobody else saved', async () => {
    const storage = createMemoryStorage();
    const server = versionedSettings();
    await createPendingSettings(bridgeOver(storage), 1, server.update).queue({ baseVersion: 1, base: initial.settings, draft: { ...initial.settings, readReceipts: false } });
    const reloaded = createPendingSettings(bridgeOver(storage), 1, server.update);
    await reloaded.load();
    expect(reloaded.snapshot()?.state).toBe('queued');
    await reloaded.apply();
    expect(reloaded.snapshot()).toBeNull();
    expect(server.current()).toMatchObject({ version: 2, settings: { readReceipts: false, typingIndicator: true } });
  });

  it('wait for the manager\'s choice when someone else saved meanwhile; Keep my changes puts only theirs under', async () => {
    const server = versionedSettings();
    const edits = createPendingSettings(bridgeOver(createMemoryStorage()), 1, server.update);
    await edits.queue({ baseVersion: 1, base: initial.settings, draft: { ...initial.settings, readReceipts: false } });
    server.otherManagerSaves({ typingIndicator: false });
    await edits.apply();
    expect(edits.snapshot()).toMatchObject({ state: 'conflict', theirs: { version: 2 } });
    await edits.keepMine();
    expect(edits.snapshot()).toBeNull();
    expect(server.current()).toMatchObject({ version: 3, settings: { enabled: true, readReceipts: false, typingIndicator: false } });
  });
});

/** A staff API whose pushes the test sends by hand (as the server would, already parsed). */
function pushableApi() {
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  const api = {
    request: () => Promise.reject(new Error('No requests in this test.')),
    whenConnected: () => () => undefined,
    subscribe: (name: string, handler: (payload: unknown) => void) => {
      const set = handlers.get(name) ?? new Set();
      set.add(handler);
      handlers.set(name, set);
      return () => set.delete(handler);
    },
  } as unknown as StaffApi;
  return { api, push: (name: string, payload: unknown) => handlers.get(name)?.forEach((handler) => handler(payload)) };
}

describe('catch-up pages', () => {
  const summary = { id: 7, client: { id: 1, name: 'Ava' }, location: { id: 1, name: 'Soho' }, appointment: null, lastMessage: null, lastActivityAt: 5, unreadCount: 1 } as ConversationSummary;
  const page = (messages: Message[]) => ({
    position: { messageId: messages.at(-1)?.id ?? 0, readPosition: 0, settingsVersion: 1, eventId: 0, memberReadPosition: 0, noteId: 0 },
    hasMore: false,
    messages,
    conversations: [summary],
    reads: [],
    events: [],
    notes: [],
    unread: [],
    settings: null,
  });

  it('announce each message once, whether it came live, by catch-up or by a later catch-up replaying it', () => {
    const { api, push } = pushableApi();
    const local = withLocalPushes(api);
    const announced: number[] = [];
    local.subscribe('message:created', ({ message }) => void announced.push(message.id));
    push('message:created', { message: message(1, uuid(1)), conversation: summary });
    deliverSyncPage(local, page([message(1, uuid(1)), message(2, uuid(2))]));
    deliverSyncPage(local, page([message(2, uuid(2)), message(3, uuid(3))]));
    expect(announced).toEqual([1, 2, 3]);
  });

  it('reach the screens as the pushes they already handle', () => {
    const delivered: [string, unknown][] = [];
    const settings = { settings: { enabled: true, contactButton: true, readReceipts: true, typingIndicator: false }, version: 4, updatedAt: 9 };
    deliverSyncPage(
      { deliver: (name, payload) => void delivered.push([name, payload]) },
      {
        position: { messageId: 2, readPosition: 1, settingsVersion: 4, eventId: 0, memberReadPosition: 3, noteId: 0 },
        hasMore: false,
        messages: [message(1, uuid(1)), message(2, uuid(2))],
        conversations: [summary],
        reads: [{ conversationId: 7, reader: 'client', upToMessageId: 2, readAt: 8 }],
        events: [],
        notes: [],
        unread: [{ conversationId: 7, unreadCount: 0 }],
        settings,
      },
    );
    expect(delivered.map(([name]) => name)).toEqual(['message:created', 'message:created', 'conversation:read', 'unread:updated', 'settings:updated']);
    expect(delivered[0]?.[1]).toEqual({ message: message(1, uuid(1)), conversation: summary });
  });
});

describe('offline cache', () => {
  it('keeps the latest messages of a conversation per member, within the desktop cache\'s size limit', async () => {
    const bridge = bridgeOver(createMemoryStorage());
    const long = Array.from({ length: 40 }, (_, index) => message(index + 1, uuid(index + 1), 'x'.repeat(3_000)));
    await offlineCache.writeMessages(bridge, 3, 7, long);
    const cached = (await offlineCache.readMessages(bridge, 3, 7)) ?? [];
    expect(cached.length).toBeLessThanOrEqual(CACHED_MESSAGES);
    expect(JSON.stringify(cached).length).toBeLessThan(64 * 1024);
    expect(cached.at(-1)?.id).toBe(40);
    expect(await offlineCache.readMessages(bridge, 4, 7)).toBeNull();
  });

  it('keeps a manager\'s team per member, unless it is too large for the desktop cache', async () => {
    const bridge = bridgeOver(createMemoryStorage());
    const team = { groups: [stylists], members: [], locations: [{ id: 1, name: 'Soho' }] };
    await offlineCache.writeTeam(bridge, 3, team);
    expect(await offlineCache.readTeam(bridge, 3)).toEqual(team);
    expect(await offlineCache.readTeam(bridge, 4)).toBeNull();
    const huge = { ...team, locations: Array.from({ length: 3_000 }, (_, index) => ({ id: index + 1, name: `Location number ${index + 1}` })) };
    await offlineCache.writeTeam(bridge, 4, huge);
    expect(await offlineCache.readTeam(bridge, 4)).toBeNull();
    await offlineCache.clear(bridge, 3);
    expect(await offlineCache.readTeam(bridge, 3)).toBeNull();
  });

  it('leaves the computer when the member signs out, except what is still to be sent', async () => {
    const storage = createMemoryStorage();
    const bridge = bridgeOver(storage);
    await offlineCache.writeMessages(bridge, 3, 7, [message(1, uuid(1))]);
    await offlineCache.writeMessages(bridge, 3, 8, [message(2, uuid(2))]);
    await offlineCache.writeMessages(bridge, 5, 7, [message(3, uuid(3))]);
    await bridge.writePref('outbox:m3', []);
    await offlineCache.clear(bridge, 3);
    expect(await offlineCache.readMessages(bridge, 3, 7)).toBeNull();
    expect(await offlineCache.readMessages(bridge, 3, 8)).toBeNull();
    expect(await offlineCache.readMessages(bridge, 5, 7)).toHaveLength(1);
    expect([...storage.entries.keys()].filter((key) => key.includes(':m3')).map((key) => key.split('pref:')[1])).toEqual(['outbox:m3']);
  });
});
