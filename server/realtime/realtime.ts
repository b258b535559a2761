// Wires socket.io: staff on the default namespace, clients on "/client". Authentication runs
// once per connection; each connection joins exactly the rooms it may hear from, then gets
// its request handlers.
import { CLIENT_NAMESPACE, clientRequests } from '../../shared/clientEvents';
import { can } from '../../shared/permissions';
import { staffRequests } from '../../shared/staffEvents';
import { registerOpeningHoursHandlers } from '../afterHours/openingHours.handlers';
import { registerAuditHandlers } from '../audit/audit.handlers';
import { registerSessionHandlers } from '../auth/session.handlers';
import { registerClientHandlers } from '../clientPage/clientPage.handlers';
import { registerClientProfileHandlers } from '../clientProfile/clientProfile.handlers';
import { registerOwnNotificationHandlers } from '../clientPage/ownNotifications';
import { registerClientConversationHandlers } from '../conversations/conversations.clientHandlers';
import { registerConversationHandlers } from '../conversations/conversations.handlers';
import { registerConversationStartHandlers } from '../conversations/conversationStart.handlers';
import type { ServerDeps } from '../deps';
import { createGroupCommit } from '../messages/groupCommit';
import { registerClientMessageHandlers } from '../messages/messages.clientHandlers';
import { registerMessageHandlers } from '../messages/messages.handlers';
import { registerDeliveryHandlers } from '../notifications/delivery.handlers';
import { registerProfileHandlers } from '../profile/profile.handlers';
import { registerQuickReplyHandlers } from '../quickReplies/quickReplies.handlers';
import { registerSearchHandlers } from '../search/search.handlers';
import type { Search } from '../search/search';
import { registerSettingsHandlers } from '../settings/settings.handlers';
import { registerClientSyncHandlers, registerStaffSyncHandlers } from '../sync/sync.handlers';
import { registerTeamHandlers } from '../team/team.handlers';
import { registerReceptionHandlers } from '../reception/reception.handlers';
import { startSnoozes, type Snoozes } from '../triage/snoozes';
import { registerTriageHandlers } from '../triage/triage.handlers';
import { registerNoteHandlers } from '../notes/notes.handlers';
import { registerClientTypingHandlers, registerStaffTypingHandlers } from '../typing/typing.handlers';
import { authenticateClient, authenticateStaff } from './authenticate';
import type { RealtimeContext } from './context';
import type { ClientLimits } from '../limits/clientLimits';
import { clientLinkStillWorks, createClientOn, createStaffOn } from './on';
import { createPushes, type Pushes, type SessionEndReason } from './pushes';
import { refuseUnknownEvents, type RequestSocket } from './request';
import { rooms } from './rooms';
import type { ClientNamespace, StaffServer } from './types';

export type Realtime = {
  pushes: Pushes;
  snoozes: Snoozes;
  /** Tells every socket signed in with the session that it ended, then disconnects them. */
  endSession(sessionId: number, reason: SessionEndReason): void;
  /** Ends the sessions of connected staff sockets that have run out by `now` (a socket is
   * authenticated once, when it connects, so without this it would keep receiving pushes). */
  endExpiredSessions(now: number): number[];
  /** Disconnects client pages whose link has expired (they then show that it no longer works). */
  endExpiredClientLinks(): number;
};

export function attachRealtime(io: StaffServer, deps: ServerDeps, search: Search, clientLimits: ClientLimits): Realtime {
  // One server carries both protocols; the client namespace has its own event maps.
  const clients = io.of(CLIENT_NAMESPACE) as unknown as ClientNamespace;
  const pushes = createPushes(io, clients);
  const context: RealtimeContext = {
    ...deps,
    onStaff: createStaffOn(deps),
    onClient: createClientOn(deps),
    pushes,
    writes: createGroupCommit(deps.repos.transaction, { onCommitted: search.indexer.schedule }),
    search,
    clientLimits,
    snoozes: startSnoozes({ ...deps, pushes }),
  };

  io.use(authenticateStaff(deps));
  io.on('connection', (socket) => {
    const { session } = socket.data;
    void socket.join(rooms.session(session.id));
    void socket.join(rooms.member(session.memberId));
    // Without chat access nothing about conversations may reach the member (R9).
    if (can(session.grants, 'chats.access')) void socket.join(session.locationIds.map(rooms.location));
    if (can(session.grants, 'team.manage')) void socket.join(rooms.teamManagers());
    registerSessionHandlers(socket, context);
    registerConversationHandlers(socket, context);
    registerTriageHandlers(socket, context);
    registerNoteHandlers(socket, context);
    registerConversationStartHandlers(socket, context);
    registerMessageHandlers(socket, context);
    registerStaffTypingHandlers(socket, context);
    registerSettingsHandlers(socket, context);
    registerTeamHandlers(socket, context);
    registerReceptionHandlers(socket, context);
    registerAuditHandlers(socket, context);
    registerProfileHandlers(socket, context);
    registerClientProfileHandlers(socket, context);
    registerDeliveryHandlers(socket, context);
    registerStaffSyncHandlers(socket, context);
    registerSearchHandlers(socket, context);
    registerQuickReplyHandlers(socket, context);
    registerOpeningHoursHandlers(socket, context);
    refuseUnknownEvents(socket as unknown as RequestSocket, Object.keys(staffRequests));
  });

  clients.use(authenticateClient(deps));
  clients.on('connection', (socket) => {
    void socket.join(rooms.client(socket.data.clientId));
    registerClientHandlers(socket, context);
    registerClientConversationHandlers(socket, context);
    registerClientMessageHandlers(socket, context);
    registerClientTypingHandlers(socket, context);
    registerOwnNotificationHandlers(socket, context);
    registerClientSyncHandlers(socket, context);
    refuseUnknownEvents(socket as unknown as RequestSocket, Object.keys(clientRequests));
  });

  return {
    pushes,
    snoozes: context.snoozes,
    endSession(sessionId, reason) {
      pushes.sessionsEnded([sessionId], reason);
    },
    endExpiredSessions(now) {
      const expired = new Set<number>();
      for (const socket of io.of('/').sockets.values()) {
        if (now >= socket.data.session.expiresAt) expired.add(socket.data.session.id);
      }
      pushes.sessionsEnded([...expired], 'expired');
      return [...expired];
    },
    endExpiredClientLinks() {
      let ended = 0;
      for (const socket of clients.sockets.values()) {
        if (clientLinkStillWorks(socket, deps)) continue;
        socket.disconnect(true);
        ended += 1;
      }
      return ended;
    },
  };
}
