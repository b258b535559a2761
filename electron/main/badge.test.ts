import { describe, expect, it } from 'vitest';
import { createUnreadBadge, trayTooltip, unreadDescription, unreadDotBitmap } from './badge';

function setup(platform: NodeJS.Platform) {
  const calls: string[] = [];
  const badge = createUnreadBadge({
    platform,
    setAppBadgeCount: (count) => {
      calls.push(`badge ${count}`);
      return true;
    },
    setTaskbarOverlay: (unread, description) => calls.push(`overlay ${unread} ${description}`),
    setTrayTooltip: (text) => calls.push(`tooltip ${text}`),
  });
  return { badge, calls };
}

describe('unread badge', () => {
  it('counts on the dock badge and the tray tooltip on macOS and Linux', () => {
    for (const platform of ['darwin', 'linux'] as const) {
      const { badge, calls } = setup(platform);
      badge.setUnreadCount(3);
      badge.setUnreadCount(0);
      expect(calls).toEqual([
        'badge 3',
        'tooltip Front Desk Inbox — 3 unread conversations',
        'badge 0',
        'tooltip Front Desk Inbox',
      ]);
    }
  });

  it('uses a taskbar overlay on Windows, where there is no badge count', () => {
    const { badge, calls } = setup('win32');
    badge.setUnreadCount(1);
    badge.setUnreadCount(0);
    expect(calls).toEqual([
      'overlay true 1 unread conversation',
      'tooltip Front Desk Inbox — 1 unread conversation',
      'overlay false No unread conversations',
      'tooltip Front Desk Inbox',
    ]);
  });

  it('only touches the OS when the count changes', () => {
    const { badge, calls } = setup('darwin');
    badge.setUnreadCount(2);
    badge.setUnreadCount(2);
    expect(calls).toHaveLength(2);
  });

  it('describes the count in words', () => {
    expect(unreadDescription(0)).toBe('No unread conversations');
    expect(unreadDescription(1)).toBe('1 unread conversation');
    expect(unreadDescription(12)).toBe('12 unread conversations');
    expect(trayTooltip(0)).toBe('Front Desk Inbox');
  });
});

describe('unreadDotBitmap', () => {
  it('draws an opaque red dot on a transparent square, as BGRA', () => {
    const size = 16;
    const pixels = unreadDotBitmap(size);
    expect(pixels).toHaveLength(size * size * 4);
    const pixel = (x: number, y: number) => [...pixels.subarray((y * size + x) * 4, (y * size + x) * 4 + 4)];
    expect(pixel(8, 8)).toEqual([0x25, 0x30, 0xd9, 255]);
    expect(pixel(0, 0)).toEqual([0, 0, 0, 0]);
    expect(pixel(15, 15)).toEqual([0, 0, 0, 0]);
  });
});
