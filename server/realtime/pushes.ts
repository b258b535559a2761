// Every server-initiated event. Each push goes to the audience its declaration names
// (staffPushDeclarations / clientPushDeclarations in shared/), never wider. Settings that gate
// what clients see (R5 read receipts, R6 typing indicator) are applied here, at the last step
// before the wire.
import type { SettingsState } from '../../shared/settingsEvents';
import type { Team } from '../../shared/teamEvents';
import { clientPushDeclarations, type ClientPagePushEvents } from '../../shared/clientEvents';
import { ownNotificationsOf, type ClientProfile } from '../../shared/clientProfile';
import type { Message, SharedConversationSummary, WorkspaceSettings } from '../../shared/domain';
import type { ConversationEvent } from '../../shared/triageEvents';
import type { ClientNote, InternalNote } from '../../shared/noteEvents';
import type { NotificationPrefsState } from '../../shared/profile';
import type { PushAudience } from '../../shared/protocol';
import { staffPushDeclarations, type SessionEndReason, type StaffPushEvents } from '../../shared/staffEvents';
import type { LocatedDelivery } from '../notifications/outbox.repository';
import type { ConversationRecord } from '../conversations/conversations.repository';
import { messageForClient } from '../messages/clientView';
import { rooms } from './rooms';
import type { ClientNamespace, StaffServer, StaffSocket } from './types';

export type Pushes = ReturnType<typeof createPushes>;
export type { SessionEndReason };

/** Whom a push of each audience is addressed to: ids, or nothing for everyone of a kind. */
type TargetOf<A extends PushAudience> = A extends 'location'
  ? number | readonly number[]
  : A extends 'member' | 'session' | 'client'
    ? number
    : null;

/** The rooms of an audience, or null for the whole namespace. */
function roomsOf(audience: PushAudience, target: number | readonly number[] | null): string[] | null {
  const ids = target === null ? [] : typeof target === 'number' ? [target] : [...target];
  switch (audience) {
    case 'location':
      return ids.map(rooms.location);
    case 'member':
      return ids.map(rooms.member);
    case 'session':
      return ids.map(rooms.session);
    case 'client':
      return ids.map(rooms.client);
    case 'team-managers':
      return [rooms.teamManagers()];
    case 'all-staff':
    case 'all-clients':
      return null;
  }
}

type StaffPushName = keyof typeof staffPushDeclarations;
type ClientPushName = keyof typeof clientPushDeclarations;

export function createPushes(staff: StaffServer, clients: ClientNamespace) {
  /** Sends a staff push to its declared audience (less the socket `except`, if given). */
  function toStaff<K extends StaffPushName>(
    event: K,
    target: TargetOf<(typeof staffPushDeclarations)[K]['audience']>,
    payload: Parameters<StaffPushEvents[K]>[0],
    except?: string,
  ): void {
    const where = roomsOf(staffPushDeclarations[event].audience, target);
    if (where !== null && where.length === 0) return;
    const operator = where === null ? staff.except([]) : staff.to(where);
    (except ? operator.except(except) : operator).emit(event, ...([payload] as Parameters<StaffPushEvents[K]>));
  }
  function toClients<K extends ClientPushName>(
    event: K,
    target: TargetOf<(typeof clientPushDeclarations)[K]['audience']>,
    payload: Parameters<ClientPagePushEvents[K]>[0],
    except?: string | null,
  ): void {
    const where = roomsOf(clientPushDeclarations[event].audience, target);
    if (where !== null && where.length === 0) return;
    const operator = where === null ? clients.except([]) : clients.to(where);
    (except ? operator.except(except) : operator).emit(event, ...([payload] as Parameters<ClientPagePushEvents[K]>));
  }

  return {
    /** A stored message goes to staff at its location and to its client. A client's own send
     * is answered by its ack, which carries the same message, so the sending connection gets no
     * copy (the client's other connections do). Staff always get it: their push also carries the
     * conversation's new summary. */
    messageCreated(message: Message, conversation: SharedConversationSummary, settings: WorkspaceSettings, sentFromClientSocket: string | null): void {
      toStaff('message:created', conversation.location.id, { message, conversation });
      toClients('message:created', conversation.client.id, { message: messageForClient(message, settings) }, sentFromClientSocket);
    },

    /** A conversation's status, snooze or assignee changed: staff-only, never to its client. */
    triaged(conversation: SharedConversationSummary, event: ConversationEvent): void {
      toStaff('conversation:triaged', conversation.location.id, { conversation, event });
    },

    /** An internal note: staff at the conversation's location only, never its client. */
    noteCreated(locationId: number, note: InternalNote): void {
      toStaff('note:created', locationId, { note });
    },

    /** Each colleague the note notified, on each of their devices whose session may see the
     * conversation: a session keeps the access and locations it had at sign-in, so a member who
     * gained them since is told on their next sign-in (catch-up), not on an older session.
     * Those devices are the member's sockets in the location's room, which only sessions with
     * Access there join. */
    noteMentioned(note: InternalNote, conversation: SharedConversationSummary): void {
      const seeing = staff.sockets.adapter.rooms.get(rooms.location(conversation.location.id));
      if (!seeing) return;
      for (const member of note.mentions) {
        const devices = [...(staff.sockets.adapter.rooms.get(rooms.member(member.id)) ?? [])].filter((socketId) => seeing.has(socketId));
        if (devices.length > 0) staff.to(devices).emit('note:mentioned', { note, conversation });
      }
    },

    /** A client note, for staff at the locations of the client's conversations. */
    clientNoteUpdated(locationIds: readonly number[], note: ClientNote): void {
      toStaff('clientNote:updated', locationIds, note);
    },

    /** The member's own unread count of a conversation, on each of their devices. */
    unreadUpdated(memberId: number, update: { conversationId: number; unreadCount: number }): void {
      toStaff('unread:updated', memberId, update);
    },

    /** A member who may reply read the client's messages: the client's receipt (while R5
     * allows) and staff at the location (a receipt, not their own unread state). */
    readByBusiness(
      conversation: ConversationRecord,
      read: { upToMessageId: number; readAt: number },
      settings: WorkspaceSettings,
    ): void {
      toStaff('conversation:read', conversation.locationId, { conversationId: conversation.id, reader: 'business', ...read });
      if (settings.readReceipts) {
        toClients('conversation:read', conversation.clientId, { conversationId: conversation.id, upToMessageId: read.upToMessageId, readAt: read.readAt });
      }
    },

    /** The client read the business's messages. */
    readByClient(conversation: ConversationRecord, read: { upToMessageId: number; readAt: number }): void {
      toStaff('conversation:read', conversation.locationId, { conversationId: conversation.id, reader: 'client', ...read });
    },

    /** Colleagues at the location always see it; the client only while R6 allows. */
    staffTyping(
      from: StaffSocket,
      conversation: ConversationRecord,
      typing: { typing: boolean; name: string },
      settings: WorkspaceSettings,
    ): void {
      toStaff('typing:updated', conversation.locationId, { conversationId: conversation.id, ...typing }, from.id);
      if (settings.typingIndicator) {
        toClients('typing:updated', conversation.clientId, { conversationId: conversation.id, typing: typing.typing });
      }
    },

    clientTyping(conversation: ConversationRecord, typing: { typing: boolean; name: string }): void {
      toStaff('typing:updated', conversation.locationId, { conversationId: conversation.id, ...typing });
    },

    /** Settings apply at once (R3): every staff app gets the new state, every client
     * connection learns whether messaging is on (and re-fetches what it offers). */
    settingsUpdated(state: SettingsState): void {
      toStaff('settings:updated', null, state);
      toClients('settings:updated', null, { enabled: state.settings.enabled });
    },

    /** Everyone who may manage the team sees another manager's change at once. */
    teamUpdated(team: Team): void {
      toStaff('team:updated', null, team);
    },

    /** The booking system added or changed an appointment of the client's: their open pages
     * fetch their appointments again (whether they may message from it, R4, may have changed). */
    appointmentsUpdated(clientId: number): void {
      toClients('appointments:updated', clientId, {});
    },

    /** A member's own preferences reach every device they are signed in on (R10). */
    profileUpdated(memberId: number, state: NotificationPrefsState): void {
      toStaff('profile:updated', memberId, state);
    },

    /** Staff who can see the client (their conversations' locations) see the new profile. */
    clientProfileUpdated(locationIds: readonly number[], profile: ClientProfile): void {
      toStaff('clientProfile:updated', locationIds, profile);
      toClients('notifications:updated', profile.clientId, ownNotificationsOf(profile));
    },

    /** How an email or text delivery stands, for staff at the conversation's location. */
    deliveryUpdated({ locationId, delivery }: LocatedDelivery): void {
      toStaff('delivery:updated', locationId, delivery);
    },

    /** The quick reply library changed where these locations' staff pick from it. */
    quickRepliesChanged(locationIds: readonly number[]): void {
      toStaff('quickReplies:changed', locationIds, {});
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
        toStaff('session:ended', sessionId, { reason });
        staff.in(rooms.session(sessionId)).disconnectSockets(true);
      }
    },
  };
}
