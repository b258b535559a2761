import { describe, expect, it, vi } from 'vitest';
import type { StaffApi } from '../api/staffApi';
import { withMessagingResume } from './withMessagingResume';

type Push = (payload: { settings: { enabled: boolean } }) => void;

function fakeApi() {
  let push: Push = () => undefined;
  const connectHandlers = new Set<() => void>();
  const api = {
    request: vi.fn(),
    subscribe: (_name: string, handler: Push) => {
      push = handler;
      return () => undefined;
    },
    whenConnected: (handler: () => void) => {
      connectHandlers.add(handler);
      handler();
      return () => connectHandlers.delete(handler);
    },
  } as unknown as StaffApi;
  const settings = (enabled: boolean) => push({ settings: { enabled } });
  return { api, settings, reconnect: () => connectHandlers.forEach((handler) => handler()) };
}

describe('withMessagingResume', () => {
  it('loads again when Client Connect comes back on, not on other setting changes', () => {
    const { api, settings } = fakeApi();
    const load = vi.fn();
    const resuming = withMessagingResume(api);
    resuming.noteEnabled(true);
    resuming.whenConnected(load);
    expect(load).toHaveBeenCalledTimes(1);
    settings(true);
    settings(false);
    expect(load).toHaveBeenCalledTimes(1);
    settings(true);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('knows the app started with messaging off', () => {
    const { api, settings } = fakeApi();
    const load = vi.fn();
    const resuming = withMessagingResume(api);
    resuming.noteEnabled(false);
    resuming.whenConnected(load);
    settings(true);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('stops calling a handler once unsubscribed, on reconnect and on resume alike', () => {
    const { api, settings, reconnect } = fakeApi();
    const load = vi.fn();
    const resuming = withMessagingResume(api);
    resuming.noteEnabled(false);
    const unsubscribe = resuming.whenConnected(load);
    unsubscribe();
    settings(true);
    reconnect();
    expect(load).toHaveBeenCalledTimes(1);
  });
});
