// The stored messages of one conversation as a chat shows them (oldest first, unique by id).
// Pure, so pages, live pushes, acks and echoes can arrive in any order and still converge. Our
// own messages still on their way live in the outbox (renderer/sending), shown below these.
import type { Attachment, Message, MessageAuthor } from '../../shared/domain';
import type { AppError } from '../../shared/result';

export type AuthorKind = MessageAuthor['kind'];

export interface OutgoingMessage {
  senderMessageId: string;
  text: string;
  /** Already uploaded; the message links them when it is stored. */
  attachments: Attachment[];
  createdAt: number;
  /** pending: kept in the outbox, sent once the connection allows (staff app). */
  status: 'sending' | 'pending' | 'failed';
  error: AppError | null;
}

export interface TimelineState {
  messages: Message[];
  /** Older messages exist on the server beyond the oldest one we hold. */
  hasOlder: boolean;
  /** Newer messages exist beyond the newest one we hold: the chat was opened at an older
   * message (a search match) and has not paged down to the newest yet. */
  hasNewer: boolean;
  /** The latest page has arrived at least once. */
  loaded: boolean;
}

export type TimelineAction =
  | { type: 'latest-page'; items: Message[]; hasMore: boolean }
  | { type: 'older-page'; items: Message[]; hasMore: boolean }
  /** The page around one message, replacing what is held (opening at a search match). */
  | { type: 'window-page'; items: Message[]; hasMore: boolean; hasNewer: boolean }
  | { type: 'newer-page'; items: Message[]; hasNewer: boolean }
  | { type: 'message'; message: Message }
  | { type: 'read'; authorKind: AuthorKind; upToMessageId: number; readAt: number };

export const emptyTimeline: TimelineState = { messages: [], hasOlder: false, hasNewer: false, loaded: false };

/** What a chat shows: the stored messages and, below them, ours still on their way. */
export type ShownTimeline = TimelineState & { outgoing: OutgoingMessage[] };

/** A line between messages that is not a message (staff-only events such as "Priya marked this
 * done"), already worded. */
export interface TimelineNote {
  key: string;
  /** Its own order among notes made at the same moment (the event id). */
  id: number;
  createdAt: number;
  text: string;
  /** A note a team member wrote (renderer/notes), shown as a card with its author. */
  internal?: { author: string; state: 'stored' | 'waiting' | 'failed' };
}

export type TimelineRow = { kind: 'message'; message: Message } | { kind: 'note'; note: TimelineNote };

/** Messages and notes in one list by time (then id, messages first on a tie). While older
 * messages are not loaded, notes older than the oldest held message wait with them: shown now
 * they would sit at the top, next to messages they did not come after. */
export function mergeTimelineRows(messages: readonly Message[], notes: readonly TimelineNote[], hasOlder: boolean): TimelineRow[] {
  const oldest = messages[0]?.createdAt;
  const shownNotes = hasOlder && oldest !== undefined ? notes.filter((note) => note.createdAt >= oldest) : notes;
  const rows: TimelineRow[] = [];
  let next = 0;
  const sortedNotes = [...shownNotes].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
  for (const message of messages) {
    while (next < sortedNotes.length && sortedNotes[next]!.createdAt < message.createdAt) {
      rows.push({ kind: 'note', note: sortedNotes[next++]! });
    }
    rows.push({ kind: 'message', message });
  }
  while (next < sortedNotes.length) rows.push({ kind: 'note', note: sortedNotes[next++]! });
  return rows;
}

/** Union by id (the incoming copy wins: it is newer, e.g. now carrying readAt), oldest first. */
export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): Message[] {
  const byId = new Map<number, Message>();
  for (const message of current) byId.set(message.id, message);
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

function receiveLatestPage(state: TimelineState, items: Message[], hasMore: boolean): TimelineState {
  // Held around an older message: the latest page replaces it (the chat jumps to the newest).
  if (state.hasNewer) return { messages: items.slice(), hasOlder: hasMore, hasNewer: false, loaded: true };
  const newestHeld = state.messages.at(-1)?.id ?? 0;
  const oldestIncoming = items[0]?.id ?? Infinity;
  // After a long disconnect the latest page may not reach back to what we hold; keeping both
  // would hide the gap, so start again from the latest page.
  const leavesGap = state.loaded && hasMore && state.messages.length > 0 && oldestIncoming > newestHeld;
  const messages = leavesGap ? items.slice() : mergeMessages(state.messages, items);
  return {
    messages,
    hasOlder: state.loaded && !leavesGap ? state.hasOlder : hasMore,
    hasNewer: false,
    loaded: true,
  };
}

export function timelineReducer(state: TimelineState, action: TimelineAction): TimelineState {
  switch (action.type) {
    case 'latest-page':
      return receiveLatestPage(state, action.items, action.hasMore);
    case 'older-page':
      return { ...state, messages: mergeMessages(state.messages, action.items), hasOlder: action.hasMore };
    case 'window-page':
      return { messages: action.items.slice(), hasOlder: action.hasMore, hasNewer: action.hasNewer, loaded: true };
    case 'newer-page':
      return { ...state, messages: mergeMessages(state.messages, action.items), hasNewer: action.hasNewer };
    case 'message':
      // Beyond a gap (newer messages not loaded yet) it would show out of place; a newer page brings it.
      if (state.hasNewer && action.message.id > (state.messages.at(-1)?.id ?? 0)) return state;
      return { ...state, messages: mergeMessages(state.messages, [action.message]) };
    case 'read': {
      const { authorKind, upToMessageId, readAt } = action;
      return {
        ...state,
        messages: state.messages.map((message) =>
          message.author.kind === authorKind && message.id <= upToMessageId && message.readAt === null
            ? { ...message, readAt }
            : message,
        ),
      };
    }
  }
}

/** The newest stored message written by the given side, e.g. the one to mark read up to. */
export function newestMessageBy(state: TimelineState, kind: AuthorKind): Message | undefined {
  return state.messages.findLast((message) => message.author.kind === kind);
}

/** Whether any stored message by the given side is still unread by the other side. */
export function hasUnreadBy(state: TimelineState, kind: AuthorKind): boolean {
  return state.messages.some((message) => message.author.kind === kind && message.readAt === null);
}
