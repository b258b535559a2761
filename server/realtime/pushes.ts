// Every server-initiated event, each sent only to the rooms allowed to see it. Settings that
// gate what clients see (R5, R6) are applied here, at the last step before the wire.
import type { SettingsState, Team } from '../../shared/adminEvents';
import { ownNotificationsOf, type ClientProfile } from '../../shared/clientProfile';
import type { ConversationSummary, Message, WorkspaceSettings } from '../../shared/domain';
import type { NotificationPrefsState } from '../../shared/profile';
import type { LocatedDelivery } from '../notifications/outbox.repository';
import type { ConversationRecord } from '../conversations/conversations.repository';
import { messageForClient } from '../messages/clientView';
import { rooms } from './rooms';
import type { ClientNamespace, StaffServer, StaffSocket } from './types';

export type Pushes = ReturnType<typeof createPushes>;
export type SessionEndReason = 'signed-out-everywhere' | 'expired' | 'signed-out' | 'password-changed';

export function createPushes(staff: StaffServer, clients: ClientNamespace) {
  return {
    /** A stored message goes to staff at its location and to its client. A client's own send
     * is answered by its ack, which carries the same message, so the sending connection gets no
     * copy (the client's other connections do). Staff always get it: their push also carries the
     * conversation's new summary. */
    messageCreated(message: Message, conversation: ConversationSummary, settings: WorkspaceSettings, sentFromClientSocket: string | null): void {
      staff.to(rooms.location(conversation.location.id)).emit('message:created', { message, conversation });
      const toClient = clients.to(rooms.client(conversation.client.id));
      (sentFromClientSocket === null ? toClient : toClient.except(sentFromClientSocket)).emit('message:created', { message: messageForClient(message, settings) });
    },

    readByBusiness(
      conversation: ConversationRecord,
      read: { upToMessageId: number; readAt: number; unreadCount: number },
      settings: WorkspaceSettings,
    ): void {
      staff
        .to(rooms.location(conversation.locationId))
        .emit('conversation:read', { conversationId: conversation.id, reader: 'business', ...read });
      if (settings.readReceipts) {
        clients
          .to(rooms.client(conversation.clientId))
          .emit('conversation:read', { conversationId: conversation.id, upToMessageId: read.upToMessageId, readAt: read.readAt });
      }
    },

    /** The client read the business's messages; `unreadCount` is still the business's own. */
    readByClient(conversation: ConversationRecord, read: { upToMessageId: number; readAt: number; unreadCount: number }): void {
      staff
        .to(rooms.location(conversation.locationId))
        .emit('conversation:read', { conversationId: conversation.id, reader: 'client', ...read });
    },

    /** Colleagues at the location always see it; the client only while R6 allows. */
    staffTyping(
      from: StaffSocket,
      conversation: ConversationRecord,
      typing: { typing: boolean; name: string },
      settings: WorkspaceSettings,
    ): void {
      from.to(rooms.location(conversation.locationId)).emit('typing:updated', { conversationId: conversation.id, ...typing });
      if (settings.typingIndicator) {
        clients.to(rooms.client(conversation.clientId)).emit('typing:updated', { conversationId: conversation.id, typing: typing.typing });
      }
    },

    clientTyping(conversation: ConversationRecord, typing: { typing: boolean; name: string }): void {
      staff.to(rooms.location(conversation.locationId)).emit('typing:updated', { conversationId: conversation.id, ...typing });
    },

    /** Settings apply at once (R3): every staff app gets the new state, every client
     * connection learns whether messaging is on (and re-fetches what it offers). */
    settingsUpdated(state: SettingsState): void {
      staff.emit('settings:updated', state);
      clients.emit('settings:updated', { enabled: state.settings.enabled });
    },

    /** Everyone who may manage the team sees another manager's change at once. */
    teamUpdated(team: Team): void {
      staff.to(rooms.teamManagers()).emit('team:updated', team);
    },

    /** The booking system added or changed an appointment of the client's: their open pages
     * fetch their appointments again (whether they may message from it, R4, may have changed). */
    appointmentsUpdated(clientId: number): void {
      clients.to(rooms.client(clientId)).emit('appointments:updated', {});
    },

    /** A member's own preferences reach every device they are signed in on (R10). */
    profileUpdated(memberId: number, state: NotificationPrefsState): void {
      staff.to(rooms.member(memberId)).emit('profile:updated', state);
    },

    /** Staff who can see the client (their conversations' locations) see the new profile. */
    clientProfileUpdated(locationIds: readonly number[], profile: ClientProfile): void {
      if (locationIds.length > 0) staff.to(locationIds.map(rooms.location)).emit('clientProfile:updated', profile);
      clients.to(rooms.client(profile.clientId)).emit('notifications:updated', ownNotificationsOf(profile));
    },

    /** How an email or text delivery stands, for staff at the conversation's location. */
    deliveryUpdated({ locationId, delivery }: LocatedDelivery): void {
      staff.to(rooms.location(locationId)).emit('delivery:updated', delivery);
    },

    /** The client's links were revoked: their open pages are disconnected (and refused when
     * they try again, so they say the link no longer works). */
    clientLinksRevoked(clientId: number): void {
      clients.in(rooms.client(clientId)).disconnectSockets(true);
    },

    /** Tells every socket of the sessions why they end, then disconnects them. socket.io
     * keeps a connection's packets in order, so the reason arrives before the disconnect. */
    sessionsEnded(sessionIds: readonly number[], reason: SessionEndReason): void {
      for (const sessionId of sessionIds) {
        staff.to(rooms.session(sessionId)).emit('session:ended', { reason });
        staff.in(rooms.session(sessionId)).disconnectSockets(true);
      }
    },
  };
}
