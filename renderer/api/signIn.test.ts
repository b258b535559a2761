import { describe, expect, it, vi } from 'vitest';
import { signIn } from './signIn';

const session = {
  member: { id: 1, name: 'Mia', email: 'mia@salon.test', role: 'member' },
  grants: { accessChats: true, replyChats: false, manageSettings: false, manageTeam: false, viewAuditLog: false },
  locations: [],
  workspace: {
    name: 'Salon',
    settings: { enabled: true, contactButton: true, readReceipts: true, typingIndicator: true },
  },
};

const respond = (status: number, body: unknown) =>
  vi.fn<typeof fetch>(async () => new Response(JSON.stringify(body), { status }));

describe('signIn', () => {
  it('posts normalised credentials and returns the session', async () => {
    const fetchImpl = respond(200, { token: 't0k', expiresAt: 1, session });
    const result = await signIn('http://127.0.0.1:1', { email: ' Mia@Salon.test ', password: 'pw' }, fetchImpl);
    expect(result).toEqual({ ok: true, data: { token: 't0k', expiresAt: 1, session } });
    const [url, init] = fetchImpl.mock.calls[0] ?? [];
    expect(String(url)).toBe('http://127.0.0.1:1/api/auth/sign-in');
    expect(init?.body).toBe(JSON.stringify({ email: 'mia@salon.test', password: 'pw' }));
  });

  it("surfaces the server's error message", async () => {
    const error = { code: 'unauthenticated', message: 'Email or password is incorrect.' };
    const result = await signIn('http://x', { email: 'a@b.co', password: 'x' }, respond(401, { error }));
    expect(result).toEqual({ ok: false, error });
  });

  it('checks the form before calling the server', async () => {
    const fetchImpl = respond(200, {});
    const result = await signIn('http://x', { email: 'not-an-email', password: '' }, fetchImpl);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('reports an unreachable server', async () => {
    const fetchImpl = vi.fn<typeof fetch>(() => Promise.reject(new TypeError('Failed to fetch')));
    const result = await signIn('http://x', { email: 'a@b.co', password: 'x' }, fetchImpl);
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
