// Staff HTTP routes go through the same authorization as socket requests: each declared route
// exists, refuses a caller without a live session, and refuses a member without its permission
// with the same words the socket requests use.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staffHttpRoutes, type StaffHttpRoute } from '../../shared/http';
import { SIGNED_IN } from '../../shared/permissions';
import { startTestServer, type TestServer } from '../testing/testServer';
import { FORBIDDEN_MESSAGES, NOT_SIGNED_IN } from './staffAccess';

let t: TestServer;
// A fresh server for each test: one test adds and deletes a member behind the server's back.
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(() => t.close());

const call = async (route: StaffHttpRoute, token: string | null) => {
  const [method, path] = route.split(' ') as [string, string];
  const response = await fetch(`${t.url}${path.replace(':id', '1')}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(method === 'GET' ? {} : { body: '{}' }),
  });
  return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
};

describe('staff HTTP routes', () => {
  for (const route of Object.keys(staffHttpRoutes) as StaffHttpRoute[]) {
    it(`${route} needs a live session (${staffHttpRoutes[route]})`, async () => {
      const before = t.fingerprint();
      for (const token of [null, 'not-a-session-token']) {
        // The attachment routes take a client's link too, and say so; the others need a session.
        const message = route.includes('/attachments') ? expect.stringContaining('session or client token') : NOT_SIGNED_IN;
        expect(await call(route, token)).toEqual({ status: 401, body: { error: { code: 'unauthenticated', message } } });
      }
      expect(t.fingerprint()).toEqual(before);
    });
  }

  it('refuses a member without the declared permission, in the socket requests\' words', async () => {
    // Tom has no chat permissions at all.
    const { token } = await t.signIn('tom');
    const withPermission = (Object.entries(staffHttpRoutes) as [StaffHttpRoute, string][]).filter(([, permission]) => permission !== SIGNED_IN);
    expect(withPermission.length).toBeGreaterThan(0);
    const before = t.fingerprint();
    for (const [route, permission] of withPermission) {
      expect(await call(route, token), route).toEqual({
        status: 403,
        body: { error: { code: 'forbidden', message: FORBIDDEN_MESSAGES[permission as keyof typeof FORBIDDEN_MESSAGES] } },
      });
    }
    expect(t.fingerprint()).toEqual(before);
  });

  it('refuses the session of a member who no longer exists on every route', async () => {
    const memberId = t.addMember({ name: 'Gone Soon', email: 'gone@lumen.example', groupId: t.demo.groups.frontDesk, locationIds: [t.demo.locations.soho] });
    const { token } = await t.signIn({ email: 'gone@lumen.example' });
    t.db.pragma('foreign_keys = OFF');
    t.db.prepare('DELETE FROM team_members WHERE id = ?').run(memberId);
    t.db.pragma('foreign_keys = ON');
    for (const route of Object.keys(staffHttpRoutes) as StaffHttpRoute[]) {
      expect((await call(route, token)).status, route).toBe(401);
    }
  });
});
