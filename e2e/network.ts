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
}

export async function socketSwitch(context: BrowserContext): Promise<SocketSwitch> {
  let blocked = false;
  const open = new Set<WebSocketRoute>();
  await context.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (blocked) {
      void ws.close();
      return;
    }
    const server = ws.connectToServer();
    open.add(ws);
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
  };
}
