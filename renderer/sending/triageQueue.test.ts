// The member's outbox carrying status, snooze and assignment changes beside replies: made
// offline they go out in the order made, each once however often it is sent, and one that
// someone else's change overtook is kept as a notice, not applied and not sent again. The
// server here keeps the protocol's rules in memory (a change names the version it was decided
// on; a change id is applied once); the real server's side is covered by its own tests and the
// Playwright specs.
import { describe, expect, it } from 'vitest';
import type { Message, SharedConversationSummary } from '../../shared/domain';
import { err, ok, type Result } from '../../shared/result';
import type { ConversationEvent, TriageResult } from '../../shared/triageEvents';
import { createMemoryStorage } from '../desktop/testDoubles';
import { createWebBridge } from '../desktop/webBridge';
import type { QueuedChange } from './queuedChange';
import { createStaffOutbox } from './staffOutbox';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const CONVERSATION = 7;
const priya = { id: 1, name: 'Priya' };
const marcus = { id: 2, name: 'Marcus' };

const bridgeOver = (storage: ReturnType<typeof createMemoryStorage>) =>
  createWebBridge({ origin: 'http://127.0.0.1:1', storage, document: { title: 'Inbox' }, focusWindow: () => undefined, notifications: undefined, isWindowFocused: () => true, now: () => new Date() });

/** One conversation on a server that follows the triage rules, and the requests it was sent. */
function triageServer() {
  let clock = 1_000;
  const conversation: SharedConversationSummary = {
    id: CONVERSATION,
    client: { id: 9, name: 'Grace' },
    location: { id: 1, name: 'Soho' },
    appointment: null,
    lastMessage: null,
    lastActivityAt: 0,
    status: 'open',
    snoozedUntil: null,
    assignee: null,
    triageVersion: 3,
  };
  const events: ConversationEvent[] = [];
  const messages: Message[] = [];
  const answered = new Map<string, Result<unknown>>();
  const log: string[] = [];

  const record = (actor: typeof priya, kind: ConversationEvent['kind'], fields: Partial<ConversationEvent> = {}) => {
    conversation.triageVersion += 1;
    const event: ConversationEvent = { id: events.length + 1, conversationId: CONVERSATION, kind, actor, cause: 'member', assignee: null, snoozedUntil: null, createdAt: clock++, ...fields };
    events.push(event);
    return event;
  };
  const change = (payload: { expectedVersion: number; changeId: string }, apply: () => ConversationEvent | null) => {
    const earlier = answered.get(payload.changeId);
    if (earlier) return earlier;
    if (payload.expectedVersion !== conversation.triageVersion) return err('conflict', 'The conversation changed meanwhile.');
    const event = apply();
    const result = ok<TriageResult>({ conversation: { ...conversation }, event });
    answered.set(payload.changeId, result);
    return result;
  };

  const handle = (actor: typeof priya, name: string, payload: Record<string, unknown>): Result<unknown> => {
    log.push(`${actor.name} ${name}${payload.status ? ` ${String(payload.status)}` : ''}${'assigneeId' in payload ? ` ${String(payload.assigneeId)}` : ''}`);
    const asChange = payload as { expectedVersion: number; changeId: string };
    switch (name) {
      case 'message:send': {
        const existing = messages.find((message) => message.senderMessageId === payload.senderMessageId);
        if (existing) return ok(existing);
        const message: Message = {
          id: messages.length + 1, conversationId: CONVERSATION, senderMessageId: String(payload.senderMessageId), appointmentId: null,
          author: { kind: 'staff', memberId: actor.id, name: actor.name }, text: String(payload.text), attachments: [], createdAt: clock++, readAt: null,
        };
        messages.push(message);
        if (payload.markDone && conversation.status !== 'done') {
          conversation.status = 'done';
          record(actor, 'done');
        }
        return ok(message);
      }
      case 'conversation:setStatus':
        return change(asChange, () => {
          if (conversation.status === payload.status) return null;
          conversation.status = payload.status as 'open' | 'done';
          return record(actor, payload.status === 'done' ? 'done' : 'reopened');
        });
      case 'conversation:snooze':
        if (Number(payload.until) <= clock) return err('bad_request', 'Pick a time in the future.');
        return change(asChange, () => {
          conversation.status = 'snoozed';
          conversation.snoozedUntil = Number(payload.until);
          return record(actor, 'snoozed', { snoozedUntil: conversation.snoozedUntil });
        });
      case 'conversation:assign':
        return change(asChange, () => {
          const assignee = [priya, marcus].find((member) => member.id === payload.assigneeId) ?? null;
          conversation.assignee = assignee;
          return record(actor, assignee ? 'assigned' : 'unassigned', { assignee });
        });
      case 'conversation:get':
        return ok({ conversation: { ...conversation, unreadCount: 0 }, appointments: [] });
      case 'conversation:events':
        return ok({ items: events.slice() });
      default:
        return err('not_found', `No ${name} here.`);
    }
  };
  return {
    conversation,
    events,
    messages,
    log,
    apiOf: (actor: typeof priya) => ({ request: async (name: string, payload: Record<string, unknown>) => handle(actor, name, payload) }),
  };
}

function outboxFor(server: ReturnType<typeof triageServer>, online: { value: boolean }) {
  return createStaffOutbox({ api: server.apiOf(priya) as never, prefs: bridgeOver(createMemoryStorage()), memberId: priya.id, isConnected: () => online.value });
}

const changeEntry = (n: number, expectedVersion: number, change: QueuedChange['change']) => ({
  senderMessageId: uuid(n),
  queue: String(CONVERSATION),
  payload: { conversationId: CONVERSATION, expectedVersion, change },
});
const replyEntry = (n: number, text: string, extra: { markDone?: boolean; seenVersion?: number } = {}) => ({
  senderMessageId: uuid(n),
  queue: String(CONVERSATION),
  payload: { conversationId: CONVERSATION, text, attachments: [], ...extra },
});

describe('changes in the outbox', () => {
  it('sends a reply, then "mark done" and "assign" made offline on the version seen, in that order, each once', async () => {
    const server = triageServer();
    const online = { value: false };
    const outbox = outboxFor(server, online);
    const seen = server.conversation.triageVersion;
    await outbox.enqueue(replyEntry(1, 'See you Friday'));
    await outbox.enqueue(changeEntry(2, seen, { type: 'status', status: 'done' }));
    await outbox.enqueue(changeEntry(3, seen, { type: 'assign', assignee: marcus }));
    expect(await outbox.flush()).toMatchObject({ delivered: 0, stoppedBy: { code: 'unavailable' } });
    expect(server.log).toEqual([]);

    online.value = true;
    expect(await outbox.flush()).toMatchObject({ delivered: 3, stoppedBy: null });
    expect(server.log).toEqual(['Priya message:send', 'Priya conversation:setStatus done', 'Priya conversation:assign 2']);
    // The same change sent again by its id (a retry after a lost answer) is applied once.
    await outbox.enqueue(changeEntry(2, seen, { type: 'status', status: 'done' }));
    await outbox.flush();
    expect(server.events.map((event) => event.kind)).toEqual(['done', 'assigned']);
    expect(server.messages.map((message) => message.text)).toEqual(['See you Friday']);
    expect(server.conversation).toMatchObject({ status: 'done', assignee: marcus });
    expect(outbox.snapshot().entries).toEqual([]);
    expect(outbox.conflicts.snapshot()).toEqual([]);
  });

  it('a change queued after "Send and mark done" builds on the version the reply left', async () => {
    const server = triageServer();
    const online = { value: false };
    const outbox = outboxFor(server, online);
    const seen = server.conversation.triageVersion;
    await outbox.enqueue(replyEntry(1, 'All sorted', { markDone: true, seenVersion: seen }));
    await outbox.enqueue(changeEntry(2, seen, { type: 'assign', assignee: priya }));
    online.value = true;
    await outbox.flush();
    expect(server.events.map((event) => event.kind)).toEqual(['done', 'assigned']);
    expect(outbox.conflicts.snapshot()).toEqual([]);
  });

  it('keeps a change someone else\'s overtook as a notice: not applied, not sent again, the queue goes on', async () => {
    const server = triageServer();
    const online = { value: false };
    const outbox = outboxFor(server, online);
    const seen = server.conversation.triageVersion;
    await outbox.enqueue(changeEntry(11, seen, { type: 'assign', assignee: priya }));
    await outbox.enqueue(replyEntry(12, 'On it'));
    // Meanwhile Marcus, online, marks it done.
    await server.apiOf(marcus).request('conversation:setStatus', { conversationId: CONVERSATION, expectedVersion: seen, changeId: uuid(99), status: 'done' });

    online.value = true;
    expect(await outbox.flush()).toMatchObject({ delivered: 2, stoppedBy: null });
    expect(outbox.snapshot().entries).toEqual([]);
    expect(outbox.conflicts.snapshot()).toMatchObject([
      { changeId: uuid(11), conversationId: CONVERSATION, change: { type: 'assign' }, overtakenBy: { kind: 'done', actor: marcus } },
    ]);
    const sentBefore = server.log.length;
    await outbox.flush();
    expect(server.log.length).toBe(sentBefore);
    expect(server.conversation.assignee).toBeNull();
    expect(server.events.map((event) => event.kind)).toEqual(['done']);
    expect(server.messages.map((message) => message.text)).toEqual(['On it']);

    await outbox.conflicts.dismiss(uuid(11));
    expect(outbox.conflicts.snapshot()).toEqual([]);
  });

  it('refused for another reason, a change waits for Retry or Discard and holds back what follows', async () => {
    const server = triageServer();
    const outbox = outboxFor(server, { value: true });
    await outbox.enqueue(changeEntry(21, server.conversation.triageVersion, { type: 'snooze', until: 1 }));
    await outbox.enqueue(replyEntry(22, 'After the snooze'));
    await outbox.flush();
    expect(outbox.snapshot().entries.map((entry) => [entry.senderMessageId, entry.state])).toEqual([
      [uuid(21), 'failed'],
      [uuid(22), 'pending'],
    ]);
    expect(server.messages).toEqual([]);
    await outbox.discard(uuid(21));
    await outbox.flush();
    expect(outbox.snapshot().entries).toEqual([]);
    expect(server.messages.map((message) => message.text)).toEqual(['After the snooze']);
    expect(server.events).toEqual([]);
  });

  it('keeps queued changes through a reload of the app, and replies stored before changes existed still read', async () => {
    const storage = createMemoryStorage();
    const server = triageServer();
    const prefs = bridgeOver(storage);
    const offline = createStaffOutbox({ api: server.apiOf(priya) as never, prefs, memberId: priya.id, isConnected: () => false });
    await offline.enqueue(changeEntry(31, server.conversation.triageVersion, { type: 'status', status: 'done' }));
    const reloaded = createStaffOutbox({ api: server.apiOf(priya) as never, prefs: bridgeOver(storage), memberId: priya.id, isConnected: () => true });
    await reloaded.refresh();
    expect(reloaded.snapshot().entries.map((entry) => entry.payload)).toEqual([
      { conversationId: CONVERSATION, expectedVersion: 3, change: { type: 'status', status: 'done' } },
    ]);
    await reloaded.flush();
    expect(server.conversation.status).toBe('done');
  });
});
