import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_MANAGED_SETTINGS } from '../../shared/ipc';
import { createWebBridge } from '../desktop/webBridge';
import { createMemoryStorage } from '../desktop/testDoubles';
import { serverErrorText } from '../api/callServer';
import { createReceptionApi } from './receptionApi';
import { readReceptionDevice, refreshReceptionDevice, saveReceptionDevice } from './receptionDevice';

const respond = (status: number, body: unknown) => vi.fn<typeof fetch>(async () => new Response(JSON.stringify(body), { status }));

const bridge = () =>
  createWebBridge({ origin: 'http://127.0.0.1:1', storage: createMemoryStorage(), document: { title: '' }, focusWindow: () => {}, notifications: undefined, isWindowFocused: () => true, now: () => new Date() });

const device = { deviceToken: 'd'.repeat(43), location: { id: 2, name: 'Lumen Soho' } };

describe('reception API', () => {
  it('posts a PIN sign-in with the device token and parses the session', async () => {
    const fetchImpl = respond(401, { error: { code: 'unauthenticated', message: 'Wrong PIN. 4 tries left before the PIN locks.' } });
    const result = await createReceptionApi('http://127.0.0.1:1', fetchImpl).pinSignIn(device.deviceToken, 5, '2580');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(serverErrorText(result.error)).toBe('Wrong PIN. 4 tries left before the PIN locks.');
    const [url, init] = fetchImpl.mock.calls[0] ?? [];
    expect(String(url)).toBe('http://127.0.0.1:1/api/reception/pin-sign-in');
    expect(init?.body).toBe(JSON.stringify({ deviceToken: device.deviceToken, memberId: 5, pin: '2580' }));
  });

  it('sends the session token for PIN changes, and explains validation in words', async () => {
    const details = [{ path: 'pin', message: 'A PIN is 4 to 8 digits.' }];
    const fetchImpl = respond(400, { error: { code: 'bad_request', message: 'The request is not valid.', details } });
    const result = await createReceptionApi('http://x', fetchImpl).setPin('s3ss10n', '12', 'pw');
    expect(!result.ok && serverErrorText(result.error)).toBe('A PIN is 4 to 8 digits.');
    expect(new Headers(fetchImpl.mock.calls[0]?.[1]?.headers).get('authorization')).toBe('Bearer s3ss10n');
  });

  it('reports an unreachable server', async () => {
    const api = createReceptionApi('http://x', vi.fn<typeof fetch>(() => Promise.reject(new TypeError('Failed to fetch'))));
    expect(await api.roster(device.deviceToken)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});

describe('this computer\'s reception device', () => {
  it('is kept in the local preferences, and a broken value counts as none', async () => {
    const desktop = bridge();
    expect(await readReceptionDevice(desktop)).toBeNull();
    await saveReceptionDevice(desktop, device);
    expect(await readReceptionDevice(desktop)).toEqual(device);
    await desktop.writePref('reception.device', { deviceToken: 42 });
    expect(await readReceptionDevice(desktop)).toBeNull();
  });

  it('is bound again after a password sign-in, which lifts a lockout; nothing happens without one', async () => {
    const desktop = bridge();
    const fetchImpl = respond(200, device);
    await refreshReceptionDevice(createReceptionApi('http://x', fetchImpl), desktop, 'tok');
    expect(fetchImpl).not.toHaveBeenCalled();

    await saveReceptionDevice(desktop, device);
    await refreshReceptionDevice(createReceptionApi('http://x', fetchImpl), desktop, 'tok');
    expect(fetchImpl.mock.calls[0]?.[1]?.body).toBe(JSON.stringify({ location: 2, deviceToken: device.deviceToken }));
  });

  it('uses the location IT configured for this computer', async () => {
    const desktop = { ...bridge(), managedConfig: async () => ({ settings: { ...DEFAULT_MANAGED_SETTINGS, location: 'Shoreditch' }, locked: ['location' as const], problem: null }) };
    await saveReceptionDevice(desktop, device);
    const fetchImpl = respond(200, { ...device, location: { id: 3, name: 'Lumen Shoreditch' } });
    await refreshReceptionDevice(createReceptionApi('http://x', fetchImpl), desktop, 'tok');
    expect(fetchImpl.mock.calls[0]?.[1]?.body).toBe(JSON.stringify({ location: 'Shoreditch', deviceToken: device.deviceToken }));
    expect((await readReceptionDevice(desktop))?.location.name).toBe('Lumen Shoreditch');
  });
});
