import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createNotificationCenter, type NativeNotification, type NotificationFactory } from './notifications';

class FakeNotification extends EventEmitter implements NativeNotification {
  state: 'created' | 'shown' | 'closed' = 'created';
  constructor(readonly options: { title: string; body: string }) {
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

function setup(supported = true) {
  const created: FakeNotification[] = [];
  const events: string[] = [];
  const logs: string[] = [];
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
    revealWindow: () => events.push('reveal'),
    openConversation: (id) => events.push(`open ${id}`),
    log: (message) => logs.push(message),
  });
  return { center, created, events, logs };
}

const message = (conversationId: number, body: string) => ({ conversationId, title: 'Ada Lovelace', body });

describe('notification center', () => {
  it('shows the notification the renderer asked for', () => {
    const { center, created } = setup();
    expect(center.show(message(7, 'Can I move my 3pm?'))).toBe(true);
    expect(created.map((n) => [n.options, n.state])).toEqual([
      [{ title: 'Ada Lovelace', body: 'Can I move my 3pm?' }, 'shown'],
    ]);
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
    const { center, created, logs } = setup(false);
    expect(center.show(message(1, 'a'))).toBe(false);
    expect(center.show(message(2, 'b'))).toBe(false);
    expect(created).toEqual([]);
    expect(logs).toEqual(['Native notifications are not supported on this system.']);
  });
});
