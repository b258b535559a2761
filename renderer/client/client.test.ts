import { describe, expect, it, vi } from 'vitest';
import type { ClientAppointment } from '../../shared/clientEvents';
import { createMemoryStorage } from '../desktop/testDoubles';
import { describeClientError } from './clientErrors';
import { canOpenChat, conversationsWithoutAppointment, emptyChatHint, sortAppointments, unreadFor, withoutReadState } from './clientOverview';
import { CLIENT_TOKEN_KEY, takeClientToken, tokenFromHash } from './clientToken';

const appointment = (id: number, startsAt: number, extra: Partial<ClientAppointment> = {}): ClientAppointment => ({
  id,
  clientId: 1,
  location: { id: 1, name: 'Soho' },
  service: 'Cut',
  staffName: null,
  startsAt,
  status: 'confirmed',
  canMessage: false,
  conversationId: null,
  ...extra,
});

describe('client token', () => {
  it('reads the token from the fragment', () => {
    expect(tokenFromHash('#token=abc123')).toBe('abc123');
    expect(tokenFromHash('#other=1&token=x-y_z')).toBe('x-y_z');
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#token=')).toBeNull();
  });

  it('remembers a token from the link and removes it from the address', () => {
    const storage = createMemoryStorage();
    const clearHash = vi.fn();
    expect(takeClientToken({ hash: '#token=abc', storage, clearHash })).toBe('abc');
    expect(clearHash).toHaveBeenCalled();
    expect(storage.getItem(CLIENT_TOKEN_KEY)).toBe('abc');
    expect(takeClientToken({ hash: '', storage, clearHash: vi.fn() })).toBe('abc');
    expect(takeClientToken({ hash: '', storage: createMemoryStorage(), clearHash: vi.fn() })).toBeNull();
  });
});

describe('client overview', () => {
  it('opens a chat where messaging is offered or a conversation exists', () => {
    expect(canOpenChat(appointment(1, 0, { canMessage: true }))).toBe(true);
    expect(canOpenChat(appointment(1, 0, { conversationId: 4 }))).toBe(true);
    expect(canOpenChat(appointment(1, 0))).toBe(false);
  });

  it("finds the unread count of the appointment's conversation", () => {
    const conversations = [{ id: 4, location: { id: 1, name: 'Soho' }, lastActivityAt: 1, unreadCount: 2 }];
    expect(unreadFor(appointment(1, 0, { conversationId: 4 }), conversations)).toBe(2);
    expect(unreadFor(appointment(1, 0), conversations)).toBe(0);
  });

  it('lists on their own the conversations at locations where the client has no appointment', () => {
    const soho = { id: 4, location: { id: 1, name: 'Soho' }, lastActivityAt: 1, unreadCount: 0 };
    const shoreditch = { id: 5, location: { id: 2, name: 'Shoreditch' }, lastActivityAt: 2, unreadCount: 1 };
    expect(conversationsWithoutAppointment([soho, shoreditch], [appointment(1, 0)])).toEqual([shoreditch]);
    expect(conversationsWithoutAppointment([soho, shoreditch], [])).toEqual([soho, shoreditch]);
  });

  it('lists upcoming appointments soonest first, then past ones', () => {
    const sorted = sortAppointments([appointment(1, 50), appointment(2, 300), appointment(3, 200), appointment(4, 10)], 100);
    expect(sorted.map((a) => a.id)).toEqual([3, 2, 1, 4]);
  });

  it('words errors for clients', () => {
    expect(describeClientError({ code: 'messaging_disabled', message: 'x' })).toBe("This salon isn't taking messages right now.");
    expect(describeClientError({ code: 'unauthenticated', message: 'x' })).toMatch(/link/);
  });
});

describe('the chat area before a chat is open', () => {
  it('points at "Message" only when an appointment shows it', () => {
    expect(emptyChatHint([appointment(1, 10, { canMessage: true })], false).text).toContain('Choose “Message”');
    // Contact button off: no appointment offers messaging, and none has a conversation yet.
    const off = emptyChatHint([appointment(1, 10), appointment(2, 20)], false);
    expect(off.text).not.toContain('Message”');
    expect(off.title).toBe("Messaging isn't available here right now");
    expect(emptyChatHint([appointment(1, 10, { canMessage: true })], true).text).not.toContain('Message”');
  });
});

describe('read receipts turned off on an open page', () => {
  it('drops the read state of every message', () => {
    const base = { conversationId: 1, appointmentId: null, text: 'Hi', attachments: [], createdAt: 1, senderMessageId: 'c-1' };
    const read = { ...base, id: 1, author: { kind: 'client' as const, clientId: 1, name: 'Ava' }, readAt: 5 };
    const unread = { ...read, id: 2, readAt: null };
    expect(withoutReadState([read, unread]).map((message) => message.readAt)).toEqual([null, null]);
  });
});
