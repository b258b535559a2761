import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { DesktopNotification } from '../../shared/bridge';
import { DEFAULT_NOTIFICATION_PREFS, type NotificationPrefs } from '../../shared/profile';
import { createNotificationCenter, type NativeNotification, type NotificationFactory } from './notifications';

type Shown = { title: string; body: string; silent: boolean };

class FakeNotification extends EventEmitter implements NativeNotification {
  state: 'created' | 'shown' | 'closed' = 'created';
  constructor(readonly options: Shown) {
    super();
  }
  show() {
    this.state = 'shown';
  }
  close() {
    this.state = 'closed';
    // Electron emits 'close' when a notification is closed, also programmatically.
    this.emit('close');
  }
}

function setup({ supported = true, focused = false, at = new Date(2026, 2, 2, 10, 30) } = {}) {
  const created: FakeNotification[] = [];
  const events: string[] = [];
  const logs: string[] = [];
  const window = { focused, at };
  const factory: NotificationFactory = {
    isSupported: () => supported,
    create: (options) => {
      const notification = new FakeNotification(options);
      created.push(notification);
      return notification;
    },
  };
  const center = createNotificationCenter({
    notifications: factory,
    isWindowFocused: () => window.focused,
    now: () => window.at,
    revealWindow: () => events.push('reveal'),
    openConversation: (id) => events.push(`open ${id}`),
    log: (message) => logs.push(message),
  });
  return { center, created, events, logs, window };
}

const SOHO = 1;
const SHOREDITCH = 2;

function message(
  conversationId: number,
  body: string,
  { prefs = {}, ...rest }: Partial<Omit<DesktopNotification, 'prefs'>> & { prefs?: Partial<NotificationPrefs> } = {},
): DesktopNotification {
  return {
    conversationId,
    locationId: SOHO,
    title: 'Ada Lovelace',
    body,
    conversationOpen: false,
    locked: false,
    prefs: { ...DEFAULT_NOTIFICATION_PREFS, ...prefs },
    ...rest,
  };
}

describe('notification center', () => {
  it('shows a client message with its text and sound by default', () => {
    const { center, created } = setup();
    expect(center.show(message(7, 'Can I move my 3pm?'))).toMatchObject({ notify: true });
    expect(created.map((n) => [n.options, n.state])).toEqual([
      [{ title: 'Ada Lovelace', body: 'Can I move my 3pm?', silent: false }, 'shown'],
    ]);
  });

  it('stays quiet for the conversation the member has open in the focused window', () => {
    const { center, created, window } = setup({ focused: true });
    expect(center.show(message(7, 'hi', { conversationOpen: true }))).toEqual({ notify: false, reason: 'looking' });
    // Another conversation, or the same one with the window in the background, does notify.
    center.show(message(8, 'other', { conversationOpen: false }));
    window.focused = false;
    center.show(message(7, 'background', { conversationOpen: true }));
    expect(created.map((n) => n.options.body)).toEqual(['other', 'background']);
  });

  it('notifies only for the locations the member wants', () => {
    const { center, created } = setup();
    const prefs = { mutedLocationIds: [SHOREDITCH] };
    expect(center.show(message(7, 'at Shoreditch', { locationId: SHOREDITCH, prefs }))).toEqual({ notify: false, reason: 'muted-location' });
    center.show(message(8, 'at Soho', { locationId: SOHO, prefs }));
    expect(created.map((n) => n.options.body)).toEqual(['at Soho']);
  });

  it('hides the text when the preview is off, and plays no sound when sound is off', () => {
    const { center, created } = setup();
    center.show(message(7, 'My card number is …', { prefs: { showPreview: false, sound: false } }));
    expect(created[0]?.options).toEqual({ title: 'Ada Lovelace', body: 'New message', silent: true });
  });

  it('shows nothing at all when desktop notifications are off', () => {
    const { center, created } = setup();
    expect(center.show(message(7, 'hi', { prefs: { desktop: false } }))).toEqual({ notify: false, reason: 'off' });
    expect(created).toEqual([]);
  });

  it('keeps quiet hours, also across midnight, by the local clock', () => {
    const { center, created, window } = setup({ at: new Date(2026, 2, 2, 23, 15) });
    const prefs = { quietHours: { start: 22 * 60, end: 7 * 60 } };
    expect(center.show(message(7, 'late', { prefs }))).toEqual({ notify: false, reason: 'quiet-hours' });
    window.at = new Date(2026, 2, 3, 6, 59);
    center.show(message(7, 'early', { prefs }));
    window.at = new Date(2026, 2, 3, 7, 0);
    center.show(message(7, 'morning', { prefs }));
    expect(created.map((n) => n.options.body)).toEqual(['morning']);
  });

  it('on a locked screen notifies even for the open conversation, without name or text', () => {
    const { center, created } = setup({ focused: true });
    center.show(message(7, 'private', { conversationOpen: true, locked: true }));
    expect(created[0]?.options).toEqual({ title: 'New client message', body: 'Unlock the screen to read it.', silent: false });
  });

  it('replaces the older notification of the same conversation, leaving others alone', () => {
    const { center, created, events } = setup();
    center.show(message(7, 'first'));
    center.show(message(8, 'other conversation'));
    center.show(message(7, 'second'));
    expect(created.map((n) => [n.options.body, n.state])).toEqual([
      ['first', 'closed'],
      ['other conversation', 'shown'],
      ['second', 'shown'],
    ]);
    // The replacement is still tracked: a third message closes it too.
    center.show(message(7, 'third'));
    expect(created[2]?.state).toBe('closed');
    created[3]?.emit('click');
    expect(events).toEqual(['reveal', 'open 7']);
  });

  it('on click, brings the window forward and opens that conversation', () => {
    const { center, created, events } = setup();
    center.show(message(42, 'hello'));
    created[0]?.emit('click');
    expect(events).toEqual(['reveal', 'open 42']);
  });

  it('closes everything still on screen', () => {
    const { center, created } = setup();
    center.show(message(1, 'a'));
    center.show(message(2, 'b'));
    center.closeAll();
    expect(created.map((n) => n.state)).toEqual(['closed', 'closed']);
  });

  it('declines quietly where the OS has no notifications, logging it once', () => {
    const { center, created, logs } = setup({ supported: false });
    expect(center.show(message(1, 'a'))).toEqual({ notify: false, reason: 'unsupported' });
    expect(center.show(message(2, 'b'))).toEqual({ notify: false, reason: 'unsupported' });
    expect(created).toEqual([]);
    expect(logs).toEqual(['Native notifications are not supported on this system.']);
  });
});
