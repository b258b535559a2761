// Builds the inbox server from its dependencies: HTTP routes, static pages and socket.io on
// one node:http server. Nothing here reads the environment, and the only file it opens is the
// search index beside the database, so tests build one on port 0 around a temp database.
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from 'better-sqlite3';
import { Server } from 'socket.io';
import { DESKTOP_ORIGIN } from '../shared/http';
import { attachmentRoutes, UNSENT_UPLOAD_TTL_MS } from './attachments/attachments.routes';
import { authRoutes } from './auth/auth.routes';
import { createGuesses } from './auth/guesses';
import { createHashGate, scryptHasher, type HashGate, type SecretHasher } from './auth/hashGate';
import { createPasswordCheck } from './auth/passwordCheck';
import type { Clock } from './clock';
import { bookingSyncRoutes } from './bookingSystem/bookingSync.routes';
import { integrationRoutes } from './bookingSystem/integration.routes';
import type { ServerConfig } from './config';
import type { ServerDeps } from './deps';
import { healthRoutes } from './http/health.routes';
import { createHostPolicy } from './http/hosts';
import { createOriginPolicy } from './http/origins';
import { createRequestListener, HOST_REFUSED_MESSAGE } from './http/router';
import { createClientLimits } from './limits/clientLimits';
import type { Logger } from './log';
import { attachRealtime } from './realtime/realtime';
import type { Snoozes } from './triage/snoozes';
import { receptionHttpRoutes } from './reception/reception.routes';
import { setupRoutes } from './setup/setup.routes';
import type { StaffServer } from './realtime/types';
import { createDeliveryWorker, type DeliveryWorker } from './notifications/deliveryWorker';
import { createEmailTransport } from './notifications/emailTransport';
import { createSmsTransport } from './notifications/smsTransport';
import { createRepositories } from './repositories';
import { openSearch } from './search/search';

/** Socket messages larger than this are refused by socket.io before any handler sees them. */
const SOCKET_MESSAGE_LIMIT_BYTES = 100 * 1024;
/** How long close() lets in-flight HTTP requests finish before cutting them off. */
const CLOSE_GRACE_MS = 3_000;

export type ServerOptions = {
  db: Database;
  clock: Clock;
  config: ServerConfig;
  log: Logger;
  /** The password/PIN hashing the gate runs: scrypt unless a test observes it. */
  hasher?: SecretHasher;
};

export type InboxServer = {
  httpServer: HttpServer;
  io: StaffServer;
  /** Starts listening on config.host:config.port; resolves to the base URL. */
  listen(): Promise<string>;
  /** Email/text deliveries (started by listen); tests kick it instead of waiting for its poll. */
  deliveries: DeliveryWorker;
  /** Where password and PIN hashes queue; tests read its counts. */
  hashing: HashGate;
  /** Ends snoozes at their time; tests that move the clock ask it to look again. */
  snoozes: Snoozes;
  /** Disconnects every socket, stops the HTTP server and the search indexer. The database stays open. */
  close(): Promise<void>;
};

/** A URL a local browser can open: wildcard binds are reached through loopback. */
function baseUrlOf(host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

export function createServer({ db, clock, config, log, hasher = scryptHasher }: ServerOptions): InboxServer {
  const limits = config.guessLimits;
  const hashing = createHashGate({ hasher, concurrency: limits.hashConcurrency, queue: limits.hashQueue, queuePerKey: limits.hashQueuePerAddress });
  const deps: ServerDeps = { repos: createRepositories(db), clock, config, log, hashing };
  const originPolicy = createOriginPolicy(config.extraAllowedOrigins);
  const hostPolicy = createHostPolicy({ listenHost: config.host, allowedHosts: config.allowedHosts });
  let baseUrl = baseUrlOf(config.host, config.port);

  const io: StaffServer = new Server({
    serveClient: false,
    maxHttpBufferSize: SOCKET_MESSAGE_LIMIT_BYTES,
    cors: { origin: [DESKTOP_ORIGIN, ...config.extraAllowedOrigins] },
    // WebSocket upgrades skip CORS, so the host and origin are checked here for every transport
    // (the handshake comes before either namespace, so this covers staff and clients alike).
    allowRequest: (req, callback) => {
      if (!hostPolicy.allows(req.headers.host)) callback(HOST_REFUSED_MESSAGE, false);
      else callback(null, originPolicy.allows(req.headers));
    },
  });
  const search = openSearch(db, log);
  const clientLimits = createClientLimits(config.clientLimits, clock);
  const realtime = attachRealtime(io, deps, search, clientLimits);
  const deliveries = createDeliveryWorker({
    outbox: deps.repos.outbox,
    transports: {
      ...(config.email ? { email: createEmailTransport(config.email) } : {}),
      ...(config.sms ? { sms: createSmsTransport(config.sms) } : {}),
    },
    clock,
    log,
    retry: config.deliveryRetry,
    onChange: (change) => realtime.pushes.deliveryUpdated(change),
  });

  // One count of guesses per address and of wrong passwords per member, whichever route asks.
  const guesses = createGuesses(deps);
  const checkPassword = createPasswordCheck(deps, guesses);
  let expiryCheck: NodeJS.Timeout | undefined;
  let maintenance: NodeJS.Timeout | undefined;
  // Uploads never sent are deleted a day after upload, and client pages whose link has expired
  // are disconnected. Run at start as well, so a restart catches up on what it missed.
  const runMaintenance = () => {
    try {
      const swept = deps.repos.attachments.purgeUnattachedBefore(clock.now() - UNSENT_UPLOAD_TTL_MS);
      if (swept > 0) log.info('Deleted uploads never sent', { count: swept });
      const ended = realtime.endExpiredClientLinks();
      if (ended > 0) log.info('Disconnected client pages whose link expired', { count: ended });
    } catch (error) {
      log.error('Maintenance sweep failed', { error });
    }
  };
  const endExpiredSessions = () => {
    const ended = realtime.endExpiredSessions(clock.now());
    if (ended.length > 0) log.info('Ended expired sessions', { sessionIds: ended });
  };

  const httpServer = createHttpServer(
    createRequestListener({
      routes: [
        ...healthRoutes(clock),
        ...authRoutes(deps, { endSessionSockets: (sessionId, reason) => realtime.endSession(sessionId, reason), checkPassword, guesses }),
        ...integrationRoutes(deps, { baseUrl: () => baseUrl, clientLinksRevoked: (clientId) => realtime.pushes.clientLinksRevoked(clientId) }),
        ...bookingSyncRoutes(deps, {
          clientRenamed(clientId) {
            const profile = deps.repos.clientProfiles.find(clientId);
            if (profile) realtime.pushes.clientProfileUpdated(deps.repos.clientProfiles.locationIds(clientId), profile);
          },
          appointmentsChanged: (clientId) => realtime.pushes.appointmentsUpdated(clientId),
        }),
        ...attachmentRoutes(deps, { clientLimits }),
        ...receptionHttpRoutes(deps, { checkPassword, guesses }),
        ...setupRoutes(deps),
      ],
      staticDir: config.staticDir,
      updatesDir: config.updatesDir,
      originPolicy,
      hostPolicy,
      log,
    }),
  );
  io.attach(httpServer);

  return {
    httpServer,
    io,
    deliveries,
    hashing,
    snoozes: realtime.snoozes,
    listen() {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          httpServer.off('error', reject);
          baseUrl = baseUrlOf(config.host, (httpServer.address() as AddressInfo).port);
          deliveries.start();
          expiryCheck = setInterval(endExpiredSessions, config.sessionExpiryCheckMs).unref();
          runMaintenance();
          maintenance = setInterval(runMaintenance, config.clientLimits.maintenanceIntervalMs).unref();
          resolve(baseUrl);
        });
      });
    },
    async close() {
      clearInterval(expiryCheck);
      clearInterval(maintenance);
      realtime.snoozes.stop();
      // The delivery in flight is settled first, so a clean stop leaves nothing half-sent.
      await deliveries.stop();
      await new Promise<void>((resolve) => {
        const cutOff = setTimeout(() => httpServer.closeAllConnections(), CLOSE_GRACE_MS);
        // io.close drops every socket's transport (clients see "transport close" and reconnect
        // by themselves when a server is back), then closes the HTTP server.
        void io.close(() => {
          clearTimeout(cutOff);
          resolve();
        });
        httpServer.closeIdleConnections();
      });
      await search.close();
    },
  };
}
