// The booking system's side of the integration API: locations, clients and appointments put by
// its own ids, created once and updated in place, refused without the key or with bad input —
// and a client created this way can be sent their link, see their appointment and message the
// salon.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientProfile } from '../../shared/clientProfile';
import { CLIENT_NAMESPACE } from '../../shared/clientEvents';
import { clientTokenResponseSchema, integrationUpsertResponseSchema, routes } from '../../shared/http';
import {
  askClient,
  ask,
  connectSocket,
  data,
  flush,
  nextPush,
  recordPushes,
  startTestServer,
  TEST_INTEGRATION_KEY,
  type TestServer,
} from '../testing/testServer';

let t: TestServer;
// One server for the file, on purpose: the tests build on each other as the booking system
// would, the appointments going to the location and clients the earlier tests put.
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const KEY = `Bearer ${TEST_INTEGRATION_KEY}`;
const pathOf = (template: string, ref: string) => template.replace(':ref', ref);

async function put(template: string, ref: string, body: unknown, authorization: string | null = KEY) {
  const response = await fetch(`${t.url}${pathOf(template, ref)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}
const upserted = async (template: string, ref: string, body: unknown) => {
  const { status, body: answer } = await put(template, ref, body);
  expect(status, JSON.stringify(answer)).toBe(200);
  return integrationUpsertResponseSchema.parse(answer);
};
const clientRow = (id: number) =>
  t.db.prepare('SELECT name, mobile, email, profile_version FROM clients WHERE id = ?').get(id) as Record<string, unknown>;
const appointmentRow = (id: number) =>
  t.db.prepare('SELECT client_id, location_id, service, staff_member_id, starts_at, status FROM appointments WHERE id = ?').get(id);

const visit = {
  clientRef: 'cl-100',
  locationRef: 'loc-camden',
  service: 'Balayage',
  startsAt: '2026-03-05T10:30:00+00:00',
  status: 'booked',
  staffEmail: 'Sofia@Lumen.example',
};

describe('PUT /api/integration/locations/:ref', () => {
  it('creates the location once and renames it in place after', async () => {
    const created = await upserted(routes.integrationLocation, 'loc-camden', { name: 'Lumen Camden' });
    expect(created).toMatchObject({ ref: 'loc-camden', created: true });
    const before = t.fingerprint();
    expect(await upserted(routes.integrationLocation, 'loc-camden', { name: 'Lumen Camden' })).toEqual({ ...created, created: false });
    expect(t.fingerprint()).toEqual(before);
    expect(await upserted(routes.integrationLocation, 'loc-camden', { name: '  Lumen Camden Town ' })).toEqual({ ...created, created: false });
    expect(t.db.prepare('SELECT name FROM locations WHERE id = ?').get(created.id)).toEqual({ name: 'Lumen Camden Town' });
    // Owners work everywhere: their next sign-in includes it.
    const owner = await t.connectStaff('owner');
    expect(data(await ask(owner, 'session:get', {})).locations.map((location) => location.name)).toContain('Lumen Camden Town');
    owner.close();
  });
});

describe('PUT /api/integration/clients/:ref', () => {
  it('creates a client with checked contact details in international form', async () => {
    const created = await upserted(routes.integrationClient, 'cl-100', { name: 'Nia Okafor', mobile: '07400 900555', email: ' nia@example.com ' });
    expect(created).toMatchObject({ ref: 'cl-100', created: true });
    expect(clientRow(created.id)).toEqual({ name: 'Nia Okafor', mobile: '+447400900555', email: 'nia@example.com', profile_version: 1 });
  });

  it('refuses bad contact details field by field, and saves nothing', async () => {
    const before = t.fingerprint();
    const { status, body } = await put(routes.integrationClient, 'cl-101', { name: 'Ola', mobile: '12', email: 'not-an-email' });
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: 'bad_request', details: [{ path: 'mobile' }, { path: 'email' }] } });
    expect(t.fingerprint()).toEqual(before);
  });

  it('renames an existing client (a new profile version, pushed to staff who see them) and leaves the contact details to the salon', async () => {
    const mia = t.demo.clients.mia;
    t.db.prepare("UPDATE clients SET external_ref = 'cl-mia' WHERE id = ?").run(mia);
    const marcus = await t.connectStaff('marcus');
    const pushed = nextPush<ClientProfile>(marcus, 'clientProfile:updated');
    const before = clientRow(mia);
    // A number the booking system has but we would refuse is not ours to check any more.
    expect(await upserted(routes.integrationClient, 'cl-mia', { name: 'Mia Patel-Jones', mobile: '12', email: 'not-an-email' })).toEqual({ id: mia, ref: 'cl-mia', created: false });
    expect(clientRow(mia)).toEqual({ ...before, name: 'Mia Patel-Jones', profile_version: Number(before.profile_version) + 1 });
    expect(await pushed).toMatchObject({ clientId: mia, name: 'Mia Patel-Jones', mobile: before.mobile });
    // The same again: nothing changes, nothing is pushed.
    const more = recordPushes(marcus, 'clientProfile:updated');
    const unchanged = t.fingerprint();
    await upserted(routes.integrationClient, 'cl-mia', { name: 'Mia Patel-Jones' });
    await flush(marcus);
    expect(more).toEqual([]);
    expect(t.fingerprint()).toEqual(unchanged);
    marcus.close();
  });
});

describe('PUT /api/integration/appointments/:ref', () => {
  it('refuses an appointment whose client, location or team member it does not know, and saves nothing', async () => {
    const cases = [
      [{ ...visit, clientRef: 'cl-nobody' }, 404, /no client with ref cl-nobody/],
      [{ ...visit, locationRef: 'loc-nowhere' }, 404, /no location with ref loc-nowhere/],
      [{ ...visit, staffEmail: 'ghost@lumen.example' }, 400, /Nothing was saved/],
      [{ ...visit, startsAt: '5 March, half ten' }, 400, /not valid/],
      [{ ...visit, startsAt: '2026-03-05T10:30:00' }, 400, /not valid/],
      [{ ...visit, status: 'maybe' }, 400, /not valid/],
    ] as const;
    // An existing appointment of another client cannot be handed to this one.
    t.db.prepare("UPDATE appointments SET external_ref = 'ap-ava' WHERE id = ?").run(t.demo.appointments.ava[0]);
    const before = t.fingerprint();
    const moved = await put(routes.integrationAppointment, 'ap-ava', visit);
    expect(moved.status).toBe(409);
    expect((moved.body as { error: { message: string } }).error.message).toMatch(/cannot move to another client/);
    for (const [body, status, message] of cases) {
      const answer = await put(routes.integrationAppointment, 'ap-1', body);
      expect(answer.status, JSON.stringify(body)).toBe(status);
      expect((answer.body as { error: { message: string } }).error.message).toMatch(message);
    }
    expect(t.fingerprint()).toEqual(before);
  });

  it('creates and updates the appointment the client sees, live; once confirmed it offers messaging (R4)', async () => {
    const nia = await upserted(routes.integrationClient, 'cl-100', { name: 'Nia Okafor' });
    const tokenAnswer = await fetch(`${t.url}${routes.integrationClientToken}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: KEY },
      body: JSON.stringify({ clientRef: 'cl-100' }),
    });
    const { token } = clientTokenResponseSchema.parse(await tokenAnswer.json());
    const page = await connectSocket(t.url, { token }, CLIENT_NAMESPACE);
    expect(data(await askClient(page, 'client:get', {})).appointments).toEqual([]);

    let changed = nextPush(page, 'appointments:updated');
    const booked = await upserted(routes.integrationAppointment, 'ap-1', visit);
    expect(booked).toMatchObject({ ref: 'ap-1', created: true });
    await changed;
    expect(appointmentRow(booked.id)).toEqual({
      client_id: nia.id, location_id: t.db.prepare("SELECT id FROM locations WHERE external_ref = 'loc-camden'").pluck().get(),
      service: 'Balayage', staff_member_id: t.demo.members.sofia, starts_at: Date.UTC(2026, 2, 5, 10, 30), status: 'booked',
    });
    const [shown] = data(await askClient(page, 'client:get', {})).appointments;
    expect(shown).toMatchObject({ id: booked.id, service: 'Balayage', status: 'booked', canMessage: false, staffName: 'Sofia Marin' });

    changed = nextPush(page, 'appointments:updated');
    expect(await upserted(routes.integrationAppointment, 'ap-1', { ...visit, status: 'confirmed', startsAt: '2026-03-05T11:00:00+01:00', staffEmail: null })).toEqual({
      ...booked, created: false,
    });
    await changed;
    const [confirmed] = data(await askClient(page, 'client:get', {})).appointments;
    expect(confirmed).toMatchObject({ id: booked.id, status: 'confirmed', canMessage: true, staffName: null, startsAt: Date.UTC(2026, 2, 5, 10, 0) });

    // A repeat of the same state changes nothing and tells nobody.
    const quiet = recordPushes(page, 'appointments:updated');
    const before = t.fingerprint();
    await upserted(routes.integrationAppointment, 'ap-1', { ...visit, status: 'confirmed', startsAt: '2026-03-05T10:00:00Z', staffEmail: null });
    await flush(page, 'client');
    expect(quiet).toEqual([]);
    expect(t.fingerprint()).toEqual(before);

    // The client writes from it; an owner signed in now (Camden is theirs) sees the message.
    const sent = data(await askClient(page, 'message:send', { appointmentId: booked.id, senderMessageId: randomUUID(), text: 'Is parking nearby?' }));
    const owner = await t.connectStaff('owner');
    const inbox = data(await ask(owner, 'conversation:list', {}));
    expect(inbox.items.find((conversation) => conversation.id === sent.conversationId)).toMatchObject({
      client: { name: 'Nia Okafor' }, location: { name: 'Lumen Camden Town' },
    });
    owner.close();
    page.close();
  });
});

describe('the key and the ref', () => {
  it.each([
    ['no key', null],
    ['a wrong key', 'Bearer not-the-key-at-all'],
  ])('refuses %s with 401 on every route, and saves nothing', async (_label, authorization) => {
    const before = t.fingerprint();
    for (const [template, body] of [
      [routes.integrationLocation, { name: 'Pirate salon' }],
      [routes.integrationClient, { name: 'Pirate' }],
      [routes.integrationAppointment, visit],
    ] as const) {
      expect((await put(template, 'x-1', body, authorization)).status, template).toBe(401);
    }
    expect(t.fingerprint()).toEqual(before);
  });

  it('refuses a ref with characters outside its alphabet, and other methods', async () => {
    expect((await put(routes.integrationLocation, 'two%20words', { name: 'Spaces' })).status).toBe(400);
    expect((await put(routes.integrationLocation, 'x'.repeat(101), { name: 'Long' })).status).toBe(400);
    const post = await fetch(`${t.url}${pathOf(routes.integrationLocation, 'loc-1')}`, { method: 'POST', headers: { authorization: KEY } });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('PUT, OPTIONS');
  });
});
