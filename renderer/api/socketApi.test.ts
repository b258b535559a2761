import { describe, expect, it, vi } from 'vitest';
import { staffPushes, staffRequests } from '../../shared/staffEvents';
import { createSocketApi, type WireSocket } from './socketApi';

type Listener = (payload: unknown) => void;

function fakeSocket(answer: (event: string, payload: unknown) => Promise<unknown>) {
  const listeners = new Map<string, Set<Listener>>();
  const sent: { event: string; payload: unknown }[] = [];
  const socket: WireSocket & { emitLocal(event: string, payload?: unknown): void } = {
    connected: false,
    timeout: () => ({
      emitWithAck: (event, payload) => {
        sent.push({ event, payload });
        return answer(event, payload);
      },
    }),
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
    },
    off: (event, listener) => listeners.get(event)?.delete(listener),
    emitLocal: (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)),
  };
  return { socket, sent };
}

const session = {
  member: { id: 1, name: 'Mia', email: 'mia@salon.test', role: 'owner' },
  grants: { accessChats: true, replyChats: true, manageSettings: true, manageTeam: true, viewAuditLog: true },
  locations: [{ id: 1, name: 'Downtown', timeZone: 'Europe/London' }],
  workspace: {
    name: 'Salon',
    settings: { enabled: true, contactButton: true, readReceipts: true, typingIndicator: true },
  },
};

describe('createSocketApi', () => {
  it('returns parsed data from a successful ack', async () => {
    const { socket, sent } = fakeSocket(async () => ({ ok: true, data: session }));
    const api = createSocketApi(socket, staffRequests, staffPushes);
    const result = await api.request('session:get', {});
    expect(result).toEqual({ ok: true, data: session });
    expect(sent).toEqual([{ event: 'session:get', payload: {} }]);
  });

  it('passes server errors through and reports unauthenticated', async () => {
    const onUnauthenticated = vi.fn();
    const error = { code: 'unauthenticated', message: 'Session expired.' };
    const { socket } = fakeSocket(async () => ({ ok: false, error }));
    const api = createSocketApi(socket, staffRequests, staffPushes, { onUnauthenticated });
    expect(await api.request('session:get', {})).toEqual({ ok: false, error });
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('turns a malformed ack into one internal error', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { socket } = fakeSocket(async () => ({ ok: true, data: { member: 'nobody' } }));
    const result = await createSocketApi(socket, staffRequests, staffPushes).request('session:get', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('internal');
  });

  it('turns a timeout into unavailable', async () => {
    const { socket } = fakeSocket(() => Promise.reject(new Error('operation has timed out')));
    const result = await createSocketApi(socket, staffRequests, staffPushes).request('session:get', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('refuses an invalid payload without sending it', async () => {
    const { socket, sent } = fakeSocket(async () => ({ ok: true, data: {} }));
    const api = createSocketApi(socket, staffRequests, staffPushes);
    const result = await api.request('message:send', {
      conversationId: 1,
      senderMessageId: crypto.randomUUID(),
      text: 'Five files',
      attachmentIds: [1, 2, 3, 4, 5],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(sent).toHaveLength(0);
  });

  it('delivers valid pushes and drops malformed ones', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { socket } = fakeSocket(async () => undefined);
    const handler = vi.fn();
    const unsubscribe = createSocketApi(socket, staffRequests, staffPushes).subscribe('typing:updated', handler);
    socket.emitLocal('typing:updated', { conversationId: 3, typing: true, name: 'Ana' });
    socket.emitLocal('typing:updated', { conversationId: 'three' });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler).toHaveBeenCalledWith({ conversationId: 3, typing: true, name: 'Ana' });
    unsubscribe();
    socket.emitLocal('typing:updated', { conversationId: 3, typing: false, name: 'Ana' });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('runs connection handlers now if connected and after every (re)connection', () => {
    const { socket } = fakeSocket(async () => undefined);
    const api = createSocketApi(socket, staffRequests, staffPushes);
    const early = vi.fn();
    api.whenConnected(early);
    expect(early).not.toHaveBeenCalled();
    socket.emitLocal('connect');
    expect(early).toHaveBeenCalledTimes(1);
    const connected = Object.assign(socket, { connected: true });
    const late = vi.fn();
    const unsubscribe = createSocketApi(connected, staffRequests, staffPushes).whenConnected(late);
    expect(late).toHaveBeenCalledTimes(1);
    socket.emitLocal('connect');
    expect(late).toHaveBeenCalledTimes(2);
    unsubscribe();
    socket.emitLocal('connect');
    expect(late).toHaveBeenCalledTimes(2);
  });
});
