// The Electron preload exposes the desktop bridge as `window.desktop` (BRIDGE_GLOBAL); in a
// plain browser it is absent and renderer/desktop/webBridge.ts stands in.
import type { DesktopBridge } from '../../shared/bridge';

declare global {
  interface Window {
    desktop?: DesktopBridge;
  }
}

export {};
