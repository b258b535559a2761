import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { checkNotifications, TEST_NOTIFICATION, type CheckedNotification, type NotificationCheckOptions } from './notificationCheck';

/** Emits what the OS would after show(): 'show', 'failed' with a reason, or nothing at all. */
class FakeNotification extends EventEmitter implements CheckedNotification {
  shown = 0;
  constructor(
    readonly options: { title: string; body: string },
    private readonly reaction: 'show' | 'failed' | 'silent' | 'throw',
  ) {
    super();
  }
  show() {
    if (this.reaction === 'throw') throw new Error('D-Bus is not available');
    this.shown += 1;
    if (this.reaction === 'show') this.emit('show');
    if (this.reaction === 'failed') this.emit('failed', {}, 'Notifications are disabled for this app');
  }
}

function setup(reaction: FakeNotification['reaction'], overrides: Partial<NotificationCheckOptions> = {}) {
  const created: FakeNotification[] = [];
  let releaseWait: () => void = () => {};
  const options: NotificationCheckOptions = {
    platform: 'win32',
    isSupported: () => true,
    create: (notificationOptions) => {
      const notification = new FakeNotification(notificationOptions, reaction);
      created.push(notification);
      return notification;
    },
    wait: () => new Promise((resolve) => (releaseWait = resolve)),
    ...overrides,
  };
  return { created, options, timeOut: () => releaseWait() };
}

describe('notifications self-check', () => {
  it('sends a test notification and reports when the OS shows it', async () => {
    const { created, options } = setup('show');
    const result = await checkNotifications(options);
    expect(result.outcome).toBe('shown');
    expect(result.advice).toMatch(/^A test notification was sent\. If it did not appear: Open Settings → System → Notifications/);
    expect(created.map((n) => [n.options, n.shown])).toEqual([[TEST_NOTIFICATION, 1]]);
  });

  it('explains how to allow notifications when the OS refuses them', async () => {
    const { options } = setup('failed', { platform: 'darwin' });
    const result = await checkNotifications(options);
    expect(result).toEqual({
      outcome: 'blocked',
      advice:
        'The system refused the test notification (Notifications are disabled for this app). Open System Settings → Notifications → Front Desk Inbox: allow notifications and choose Banners or Alerts. A Focus mode can also hide them.',
    });
  });

  it('says it could not confirm when the OS stays silent', async () => {
    const { options, timeOut } = setup('silent', { platform: 'linux' });
    const pending = checkNotifications(options);
    timeOut();
    expect(await pending).toMatchObject({ outcome: 'sent', advice: expect.stringMatching(/did not confirm it.*allow Front Desk Inbox/) });
  });

  it('tells a computer without notifications what still works, without sending anything', async () => {
    const { created, options } = setup('show', { platform: 'linux', isSupported: () => false });
    const result = await checkNotifications(options);
    expect(result.outcome).toBe('unsupported');
    expect(result.advice).toMatch(/no notification service running.*unread count/);
    expect(created).toEqual([]);
  });

  it('reports an error from the OS instead of throwing', async () => {
    const { options } = setup('throw');
    expect(await checkNotifications(options)).toMatchObject({ outcome: 'failed', advice: expect.stringContaining('D-Bus is not available') });
  });
});
