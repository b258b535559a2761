// Catch-up coverage, generated from the push declarations in shared/: for every push, an app
// that was disconnected while it went out learns the same thing afterwards, the way the push's
// declaration says (replayed by sync:since, or fetched again on connect), or the push is
// declared exempt with its reason. The scenario tables below are typed by those declarations,
// so a new push without its declaration, or with one but no scenario here, fails the typecheck.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { clientPushDeclarations, clientRequests, type ClientRequestName } from '../../shared/clientEvents';
import type { ClientProfile, ClientProfileEdit } from '../../shared/clientProfile';
import type { PushDeclaration, StaffRequestDeclaration } from '../../shared/protocol';
import { staffPushDeclarations, staffRequests, type StaffRequestName } from '../../shared/staffEvents';
import { clientSyncRequests, staffSyncRequests } from '../../shared/syncEvents';
import { ask, askClient, data, startTestServer, type TestServer } from '../testing/testServer';

type StaffSync = z.infer<(typeof staffSyncRequests)['sync:since']['result']>;
type ClientSync = z.infer<(typeof clientSyncRequests)['sync:since']['result']>;

type NamesWith<D, Shape> = { [K in keyof D]: D[K] extends { catchUp: Shape } ? K : never }[keyof D];
type Replayed<D> = NamesWith<D, { replayedBy: 'sync:since' }>;
type Refetched<D> = NamesWith<D, { refetchedOnConnect: string }>;

/** Makes the change while the app is away; returns what the caught-up answer must show. */
type ReplayScenario<Sync> = (t: TestServer) => Promise<(caughtUp: Sync) => void>;
/** Makes the change while the app is away; the refetch request's payload and what it must show. */
type RefetchScenario = (t: TestServer) => Promise<{ payload: unknown; check: (answer: unknown) => void }>;

const clientSend = async (t: TestServer, text: string) =>
  data(await askClient(await t.connectClient(t.demo.clients.ava), 'message:send', {
    appointmentId: t.demo.appointments.ava[0]!,
    senderMessageId: randomUUID(),
    text,
  }));
const staffReply = async (t: TestServer, text: string) =>
  data(await ask(await t.connectStaff('priya'), 'message:send', { conversationId: t.demo.conversations.ava!, senderMessageId: randomUUID(), text }));
const toggleTypingIndicator = async (t: TestServer, field: 'typingIndicator' | 'enabled' = 'typingIndicator') => {
  const owner = await t.connectStaff('owner');
  const state = data(await ask(owner, 'settings:get', {}));
  const settings = { ...state.settings, [field]: !state.settings[field] };
  return data(await ask(owner, 'settings:update', { settings, baseVersion: state.version }));
};

/** The owner saves Ava's client profile with `edit` applied; returns the profile before. */
const editAvaProfile = async (t: TestServer, edit: (profile: ClientProfile) => Partial<ClientProfileEdit>) => {
  const owner = await t.connectStaff('owner');
  const conversationId = t.demo.conversations.ava!;
  const profile = data(await ask(owner, 'clientProfile:get', { conversationId }));
  const current: ClientProfileEdit = {
    name: profile.name,
    mobile: profile.mobile ?? '',
    email: profile.email ?? '',
    emailNotifications: profile.notifications.email,
    smsNotifications: profile.notifications.sms,
  };
  data(await ask(owner, 'clientProfile:update', { conversationId, profile: { ...current, ...edit(profile) }, baseVersion: profile.version }));
  return profile;
};

// The app that was away is Priya's (front desk at Soho), or the owner's where only managers see it.
const STAFF_APP = { member: 'priya' } as const;
const staffReplays: { [K in Replayed<typeof staffPushDeclarations>]: ReplayScenario<StaffSync> } = {
  'message:created': async (t) => {
    const sent = await clientSend(t, 'Missed while away');
    return (caughtUp) => expect(caughtUp.messages.map((message) => message.id)).toContain(sent.id);
  },
  'conversation:read': async (t) => {
    const sent = await clientSend(t, 'Read by a colleague');
    data(await ask(await t.connectStaff('marcus'), 'conversation:read', { conversationId: t.demo.conversations.ava!, upToMessageId: sent.id }));
    return (caughtUp) => expect(caughtUp.reads).toContainEqual(expect.objectContaining({ upToMessageId: sent.id, reader: 'business' }));
  },
  'settings:updated': async (t) => {
    const after = await toggleTypingIndicator(t);
    return (caughtUp) => expect(caughtUp.settings).toEqual(after);
  },
  'conversation:triaged': async (t) => {
    const conversationId = t.demo.conversations.ava!;
    const { triageVersion } = data(await ask(await t.connectStaff('marcus'), 'conversation:get', { conversationId })).conversation;
    const changed = data(await ask(await t.connectStaff('marcus'), 'conversation:assign', {
      conversationId,
      expectedVersion: triageVersion,
      changeId: randomUUID(),
      assigneeId: t.demo.members.priya,
    }));
    return (caughtUp) => {
      expect(caughtUp.events).toContainEqual(changed.event);
      expect(caughtUp.conversations).toContainEqual(expect.objectContaining({ id: conversationId, assignee: { id: t.demo.members.priya, name: 'Priya Shah' } }));
    };
  },
  'note:created': async (t) => {
    const { note } = data(await ask(await t.connectStaff('marcus'), 'note:add', {
      conversationId: t.demo.conversations.ava!, senderNoteId: randomUUID(), text: 'Written while Priya was away',
    }));
    return (caughtUp) => {
      expect(caughtUp.notes).toContainEqual(note);
      expect(caughtUp.conversations).toContainEqual(expect.objectContaining({ id: note.conversationId }));
    };
  },
  'note:mentioned': async (t) => {
    const { note } = data(await ask(await t.connectStaff('marcus'), 'note:add', {
      conversationId: t.demo.conversations.ava!, senderNoteId: randomUUID(), text: '@Priya Shah can you call her back?', mentionIds: [t.demo.members.priya],
    }));
    return (caughtUp) => expect(caughtUp.notes).toContainEqual(expect.objectContaining({ id: note.id, mentions: [{ id: t.demo.members.priya, name: 'Priya Shah' }] }));
  },
  'unread:updated': async (t) => {
    const sent = await clientSend(t, 'Read on the other computer');
    // Priya reads it at another computer while this app of hers is away.
    data(await ask(await t.connectStaff('priya'), 'conversation:read', { conversationId: sent.conversationId, upToMessageId: sent.id }));
    return (caughtUp) => {
      expect(caughtUp.unread).toContainEqual({ conversationId: sent.conversationId, unreadCount: 0 });
      expect(caughtUp.conversations).toContainEqual(expect.objectContaining({ id: sent.conversationId, unreadCount: 0 }));
    };
  },
};
const staffRefetches: { [K in Refetched<typeof staffPushDeclarations>]: RefetchScenario & { by: 'owner' | 'priya' } } = {
  'team:updated': Object.assign(
    async (t: TestServer) => {
      const group = data(await ask(await t.connectStaff('owner'), 'group:create', {
        name: 'Weekend desk',
        grants: { accessChats: true, replyChats: false, manageSettings: false, manageTeam: false },
      }));
      return { payload: {}, check: (answer: unknown) => expect(JSON.stringify(answer)).toContain(`"id":${group.id}`) };
    },
    { by: 'owner' as const },
  ),
  'profile:updated': Object.assign(
    async (t: TestServer) => {
      const elsewhere = await t.connectStaff('priya');
      const state = data(await ask(elsewhere, 'profile:get', {}));
      const prefs = { ...state.prefs, sound: !state.prefs.sound };
      data(await ask(elsewhere, 'profile:update', { prefs, baseVersion: state.version }));
      return { payload: {}, check: (answer: unknown) => expect(answer).toMatchObject({ prefs }) };
    },
    { by: 'priya' as const },
  ),
  'clientProfile:updated': Object.assign(
    async (t: TestServer) => {
      await editAvaProfile(t, () => ({ name: 'Ava Thompson-Lee' }));
      return { payload: { conversationId: t.demo.conversations.ava! }, check: (answer: unknown) => expect(answer).toMatchObject({ name: 'Ava Thompson-Lee' }) };
    },
    { by: 'priya' as const },
  ),
  'clientNote:updated': Object.assign(
    async (t: TestServer) => {
      const conversationId = t.demo.conversations.ava!;
      data(await ask(await t.connectStaff('marcus'), 'clientNote:update', { conversationId, text: 'Patch test 2 March: fine', expectedVersion: 0 }));
      return { payload: { conversationId }, check: (answer: unknown) => expect(answer).toMatchObject({ text: 'Patch test 2 March: fine', version: 1 }) };
    },
    { by: 'priya' as const },
  ),
  'delivery:updated': Object.assign(
    async (t: TestServer) => {
      await editAvaProfile(t, () => ({ emailNotifications: true, smsNotifications: false }));
      const conversationId = t.demo.conversations.ava!;
      // The test's mail server refuses her address: the delivery is settled as failed, and pushed.
      t.sinks.smtp!.rejects.add('ava@example.com');
      const reply = await staffReply(t, 'Your booking is confirmed.');
      await expect.poll(() => t.db.prepare('SELECT count(*) FROM deliveries WHERE message_id = ? AND state = ?').pluck().get(reply.id, 'failed')).toBe(1);
      return { payload: { conversationId }, check: (answer: unknown) => expect(JSON.stringify(answer)).toContain(`"messageId":${reply.id}`) };
    },
    { by: 'priya' as const },
  ),
  'quickReplies:changed': Object.assign(
    async (t: TestServer) => {
      data(await ask(await t.connectStaff('owner'), 'quickReply:create', { reply: { title: 'Added while away', text: 'Hello {client.firstName}', locationIds: [] } }));
      return {
        payload: { conversationId: t.demo.conversations.ava! },
        check: (answer: unknown) => expect(answer).toMatchObject({ items: [expect.objectContaining({ title: 'Added while away', text: 'Hello Ava' })] }),
      };
    },
    { by: 'priya' as const },
  ),
};

const clientReplays: { [K in Replayed<typeof clientPushDeclarations>]: ReplayScenario<ClientSync> } = {
  'message:created': async (t) => {
    const sent = await staffReply(t, 'Sent while the page was closed');
    return (caughtUp) => expect(caughtUp.messages.map((message) => message.id)).toContain(sent.id);
  },
  'conversation:read': async (t) => {
    const sent = await clientSend(t, 'Will you read this?');
    data(await ask(await t.connectStaff('priya'), 'conversation:read', { conversationId: t.demo.conversations.ava!, upToMessageId: sent.id }));
    return (caughtUp) => expect(caughtUp.reads).toContainEqual(expect.objectContaining({ upToMessageId: sent.id }));
  },
  'settings:updated': async (t) => {
    const after = await toggleTypingIndicator(t, 'enabled');
    return (caughtUp) => expect(caughtUp.messagingEnabled).toBe(after.settings.enabled);
  },
};
const clientRefetches: { [K in Refetched<typeof clientPushDeclarations>]: RefetchScenario } = {
  'appointments:updated': async (t) => {
    t.db.prepare("UPDATE appointments SET service = 'Colour refresh' WHERE id = ?").run(t.demo.appointments.ava[0]);
    return { payload: {}, check: (answer: unknown) => expect(JSON.stringify(answer)).toContain('Colour refresh') };
  },
  'notifications:updated': async (t) => {
    const profile = await editAvaProfile(t, (before) => ({ emailNotifications: !before.notifications.email }));
    return { payload: {}, check: (answer: unknown) => expect(answer).toMatchObject({ email: !profile.notifications.email }) };
  },
};

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(() => t.close());

const kindOf = (declaration: PushDeclaration<string, string>) =>
  'replayedBy' in declaration.catchUp ? 'replayed' : 'refetchedOnConnect' in declaration.catchUp ? 'refetched' : 'exempt';

describe('staff pushes', () => {
  for (const [push, declaration] of Object.entries(staffPushDeclarations) as [string, PushDeclaration<string, StaffRequestName>][]) {
    it(`${push}: ${kindOf(declaration)}`, async () => {
      const { catchUp } = declaration;
      if ('replayedBy' in catchUp) {
        expect(Object.keys(staffSyncRequests['sync:since'].result.shape)).toContain(catchUp.field);
        let app: Socket = await t.connectStaff(STAFF_APP.member);
        const { position } = data(await ask(app, 'sync:since', { since: null }));
        app.close();
        const check = await staffReplays[push as keyof typeof staffReplays](t);
        app = await t.connectStaff(STAFF_APP.member);
        check(data(await ask(app, 'sync:since', { since: position })));
      } else if ('refetchedOnConnect' in catchUp) {
        const request: StaffRequestDeclaration = staffRequests[catchUp.refetchedOnConnect];
        expect(request).toBeDefined();
        const scenario = staffRefetches[push as keyof typeof staffRefetches];
        const { payload, check } = await scenario(t);
        check(data(await ask(await t.connectStaff(scenario.by), catchUp.refetchedOnConnect, payload)));
      } else {
        expect(catchUp.exempt.length).toBeGreaterThan(20);
      }
    });
  }
});

describe('client pushes', () => {
  for (const [push, declaration] of Object.entries(clientPushDeclarations) as [string, PushDeclaration<string, ClientRequestName>][]) {
    it(`${push}: ${kindOf(declaration)}`, async () => {
      const { catchUp } = declaration;
      if ('replayedBy' in catchUp) {
        expect(Object.keys(clientSyncRequests['sync:since'].result.shape)).toContain(catchUp.field);
        let page = await t.connectClient(t.demo.clients.ava);
        const { position } = data(await askClient(page, 'sync:since', { since: null }));
        page.close();
        const check = await clientReplays[push as keyof typeof clientReplays](t);
        page = await t.connectClient(t.demo.clients.ava);
        check(data(await askClient(page, 'sync:since', { since: position })));
      } else if ('refetchedOnConnect' in catchUp) {
        expect(clientRequests[catchUp.refetchedOnConnect]).toBeDefined();
        const { payload, check } = await clientRefetches[push as keyof typeof clientRefetches](t);
        check(data(await askClient(await t.connectClient(t.demo.clients.ava), catchUp.refetchedOnConnect, payload)));
      } else {
        expect(catchUp.exempt.length).toBeGreaterThan(20);
      }
    });
  }
});

describe('declarations are required', () => {
  it('a push without a declaration, or a request without a permission, does not type-check', () => {
    type ExamplePushes = { 'example:declared': null; 'example:undeclared': null };
    // @ts-expect-error 'example:undeclared' has no audience or catch-up.
    const declarations: { [K in keyof ExamplePushes]: PushDeclaration<'messages', 'example:get'> } = {
      'example:declared': { audience: 'location', catchUp: { replayedBy: 'sync:since', field: 'messages' } },
    };
    // @ts-expect-error a staff request must say which permission it needs.
    const request: StaffRequestDeclaration = { payload: staffRequests['session:get'].payload, result: staffRequests['session:get'].result };
    expect([declarations, request]).toHaveLength(2);
  });
});
