// Blocks and restores one browser context's connection to the server's socket.io endpoint, as
// when reception Wi-Fi drops: open WebSockets are cut, new ones and HTTP long-polling refused.
// The page itself still loads (its files are static), so a reload while "offline" shows what
// the app kept on this computer. (context.setOffline does not cut open WebSockets.)
import type { BrowserContext, WebSocketRoute } from '@playwright/test';

/** socket.io-client retries with a growing delay (up to 5 s, ±50 %), so after restore() the
 * next attempt can be 7.5 s away — more on a busy machine. What waits for the reconnection
 * allows for that. */
export const RECONNECTED = { timeout: 20_000 };

export interface SocketSwitch {
  block(): Promise<void>;
  restore(): Promise<void>;
  /** Resolves once a socket has moved from long-polling to its WebSocket. Blocking before that
   * leaves a long-poll already let through hanging until the server's ping times out (~45 s),
   * so a spec that expects "Offline" at once waits for this first. */
  upgraded(): Promise<void>;
}

export async function socketSwitch(context: BrowserContext): Promise<SocketSwitch> {
  let blocked = false;
  const open = new Set<WebSocketRoute>();
  let markUpgraded = () => {};
  const upgraded = new Promise<void>((resolve) => {
    markUpgraded = resolve;
  });
  await context.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (blocked) {
      void ws.close();
      return;
    }
    const server = ws.connectToServer();
    open.add(ws);
    // Engine.io's upgrade packet ("5") ends the long-polling; every message is passed on as is.
    ws.onMessage((message) => {
      if (message === '5') markUpgraded();
      server.send(message);
    });
    ws.onClose(() => {
      open.delete(ws);
      void server.close();
    });
    server.onClose(() => {
      open.delete(ws);
      void ws.close();
    });
  });
  await context.route(/\/socket\.io\//, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
  return {
    async block() {
      blocked = true;
      await Promise.all([...open].map((ws) => ws.close()));
    },
    async restore() {
      blocked = false;
    },
    upgraded: () => upgraded,
  };
}
