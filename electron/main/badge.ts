// Owns the unread count shown outside the window: dock/launcher badge, taskbar overlay, tray tooltip.
// It counts the member's open conversations with messages they have not read.

export interface BadgeTargets {
  readonly platform: NodeJS.Platform;
  /** app.setBadgeCount: the macOS dock and Unity-style Linux launchers; false where unsupported. */
  readonly setAppBadgeCount: (count: number) => boolean;
  /** Windows has no badge count; a dot over the taskbar button stands in while anything is unread. */
  readonly setTaskbarOverlay: (unread: boolean, description: string) => void;
  readonly setTrayTooltip: (text: string) => void;
}

export interface UnreadBadge {
  setUnreadCount(count: number): void;
}

export const APP_NAME = 'Front Desk Inbox';

export function unreadDescription(count: number): string {
  if (count === 0) return 'No unread conversations';
  return count === 1 ? '1 unread conversation' : `${count} unread conversations`;
}

export function trayTooltip(count: number): string {
  return count === 0 ? APP_NAME : `${APP_NAME} — ${unreadDescription(count)}`;
}

export function createUnreadBadge(targets: BadgeTargets): UnreadBadge {
  let current: number | null = null;
  return {
    setUnreadCount(count) {
      // The renderer reports on every change of any conversation; only real changes reach the OS.
      if (count === current) return;
      current = count;
      if (targets.platform === 'win32') {
        targets.setTaskbarOverlay(count > 0, unreadDescription(count));
      } else {
        targets.setAppBadgeCount(count);
      }
      targets.setTrayTooltip(trayTooltip(count));
    },
  };
}

const DOT_COLOR = { red: 0xd9, green: 0x30, blue: 0x25 };

/**
 * A red dot as raw premultiplied BGRA pixels (what nativeImage.createFromBitmap takes), drawn
 * here so the Windows overlay needs no image file in the package.
 */
export function unreadDotBitmap(size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const radius = size / 2;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const distance = Math.hypot(x + 0.5 - radius, y + 0.5 - radius);
      // One pixel of soft edge so the dot is round rather than jagged.
      const coverage = Math.min(1, Math.max(0, radius - distance));
      const offset = (y * size + x) * 4;
      pixels[offset] = Math.round(DOT_COLOR.blue * coverage);
      pixels[offset + 1] = Math.round(DOT_COLOR.green * coverage);
      pixels[offset + 2] = Math.round(DOT_COLOR.red * coverage);
      pixels[offset + 3] = Math.round(255 * coverage);
    }
  }
  return pixels;
}
