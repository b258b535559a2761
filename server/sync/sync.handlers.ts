// Catch-up: a (re)connecting app asks for everything after the position it last saw and gets
// it in pages, oldest first, scoped exactly as pushes are: staff to their session's locations
// (R12) and only with chat access (R9); clients to their own conversations, read receipts only
// while R5 allows. While Client Connect is off (R2) no messages or read state flow and those
// positions stay put, so the catch-up resumes where it stopped once messaging is back on.
import type { Message } from '../../shared/domain';
import { can } from '../../shared/permissions';
import { ok } from '../../shared/result';
import { SYNC_LIMIT_DEFAULT, type StaffSyncPosition } from '../../shared/syncEvents';
import { messageForClient } from '../messages/clientView';
import type { RealtimeContext } from '../realtime/context';
import type { ClientSocket, StaffSocket } from '../realtime/types';
import type { Repositories } from '../repositories';
import type { ReadStateRow } from './sync.repository';

function loadMessages(repos: Repositories, ids: readonly number[]): Message[] {
  return ids.flatMap((id) => repos.messages.findById(id) ?? []);
}

/** A page of ids moves the position to its last id; a short page has seen up to the head. */
const advance = (from: number, page: readonly number[], limit: number, head: number): number =>
  page.length >= limit ? (page[page.length - 1] ?? from) : Math.max(from, head);

function staffReads(row: ReadStateRow) {
  const reads = [];
  if (row.businessReadUpTo > 0 && row.businessReadAt !== null) {
    reads.push({ conversationId: row.conversationId, reader: 'business' as const, upToMessageId: row.businessReadUpTo, readAt: row.businessReadAt });
  }
  if (row.clientReadUpTo > 0 && row.clientReadAt !== null) {
    reads.push({ conversationId: row.conversationId, reader: 'client' as const, upToMessageId: row.clientReadUpTo, readAt: row.clientReadAt });
  }
  return reads;
}

export function registerStaffSyncHandlers(socket: StaffSocket, { repos, onStaff }: RealtimeContext): void {
  // Every signed-in member follows settings; conversations need chat access.
  onStaff(socket, 'sync:since', (payload, { session }) => {
    const settingsState = repos.workspace.settingsState();
    const head = {
      ...repos.sync.head(),
      settingsVersion: settingsState.version,
      eventId: repos.triage.lastEventId(),
      memberReadPosition: repos.triage.readPositionHead(),
      noteId: repos.notes.lastNoteId(),
    };
    const since = payload.since;
    const nothing = { hasMore: false, messages: [], conversations: [], reads: [], events: [], notes: [], unread: [] };
    if (since === null) return ok({ ...nothing, position: head, settings: settingsState });
    const settings = settingsState.version > since.settingsVersion ? settingsState : null;
    const position: StaffSyncPosition = { ...since, settingsVersion: settingsState.version };
    const flows = settingsState.settings.enabled && can(session.grants, 'chats.access');
    if (!flows) return ok({ ...nothing, position, settings });

    const limit = payload.limit ?? SYNC_LIMIT_DEFAULT;
    const { locationIds, memberId } = session;
    const ids = repos.sync.messageIdsAfterForLocations(since.messageId, locationIds, limit);
    const readRows = repos.sync.readsAfterForLocations(since.readPosition, locationIds, limit);
    const events = repos.triage.eventsAfter(since.eventId, locationIds, limit);
    const ownReads = repos.triage.readsAfter(memberId, since.memberReadPosition, locationIds, limit);
    const notes = repos.notes.notesAfter(since.noteId, locationIds, limit);
    const messages = loadMessages(repos, ids);
    // Every conversation something happened to, summarized for this member (their own unread).
    const touched = new Set([
      ...messages.map((message) => message.conversationId),
      ...readRows.map((row) => row.conversationId),
      ...events.map((event) => event.conversationId),
      ...ownReads.map((read) => read.conversationId),
      ...notes.map((note) => note.conversationId),
    ]);
    const conversations = repos.conversations.summaries([...touched], memberId);
    position.messageId = advance(since.messageId, ids, limit, head.messageId);
    position.readPosition = advance(since.readPosition, readRows.map((row) => row.readPosition), limit, head.readPosition);
    position.eventId = advance(since.eventId, events.map((event) => event.id), limit, head.eventId);
    position.noteId = advance(since.noteId, notes.map((note) => note.id), limit, head.noteId);
    position.memberReadPosition = advance(since.memberReadPosition, ownReads.map((read) => read.position), limit, head.memberReadPosition);
    return ok({
      position,
      hasMore: [ids, readRows, events, ownReads, notes].some((page) => page.length >= limit),
      messages,
      conversations,
      reads: readRows.flatMap(staffReads),
      events,
      notes,
      unread: ownReads.map(({ conversationId, unreadCount }) => ({ conversationId, unreadCount })),
      settings,
    });
  });
}

export function registerClientSyncHandlers(socket: ClientSocket, { repos, onClient }: RealtimeContext): void {
  onClient(socket, 'sync:since', (payload, { clientId }) => {
    const settings = repos.workspace.settings();
    const head = repos.sync.head();
    const since = payload.since;
    const empty = { hasMore: false, messagingEnabled: settings.enabled, messages: [], reads: [] };
    if (since === null) return ok({ ...empty, position: head });
    if (!settings.enabled) return ok({ ...empty, position: since });

    const limit = payload.limit ?? SYNC_LIMIT_DEFAULT;
    const ids = repos.sync.messageIdsAfterForClient(since.messageId, clientId, limit);
    const readRows = repos.sync.readsAfterForClient(since.readPosition, clientId, limit);
    const reads = settings.readReceipts
      ? readRows.flatMap((row) =>
          row.businessReadUpTo > 0 && row.businessReadAt !== null
            ? [{ conversationId: row.conversationId, upToMessageId: row.businessReadUpTo, readAt: row.businessReadAt }]
            : [],
        )
      : [];
    return ok({
      position: {
        messageId: advance(since.messageId, ids, limit, head.messageId),
        readPosition: advance(since.readPosition, readRows.map((row) => row.readPosition), limit, head.readPosition),
      },
      hasMore: ids.length >= limit || readRows.length >= limit,
      messagingEnabled: true,
      messages: loadMessages(repos, ids).map((message) => messageForClient(message, settings)),
      reads,
    });
  });
}
