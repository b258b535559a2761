// The renderer's single way to the desktop: Electron's preload bridge when present, else the
// web implementation, created once.
import { BRIDGE_GLOBAL, type DesktopBridge } from '../../shared/bridge';
import { isWindowFocused } from '../ui/useWindowFocused';
import { createWebBridge } from './webBridge';

let bridge: DesktopBridge | undefined;

export function getDesktopBridge(): DesktopBridge {
  bridge ??=
    window[BRIDGE_GLOBAL] ??
    createWebBridge({
      origin: window.location.origin,
      storage: window.localStorage,
      document,
      focusWindow: () => window.focus(),
      isWindowFocused,
      now: () => new Date(),
      notifications: 'Notification' in window ? window.Notification : undefined,
    });
  return bridge;
}
