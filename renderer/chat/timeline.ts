// The messages of one conversation as a chat shows them: stored messages (oldest first,
// unique by id) plus our own messages still on their way. Pure, so pages, live pushes, acks
// and echoes can arrive in any order and still converge.
import type { Attachment, Message, MessageAuthor } from '../../shared/domain';
import type { AppError } from '../../shared/result';

export type AuthorKind = MessageAuthor['kind'];

export interface OutgoingMessage {
  clientMessageId: string;
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
  outgoing: OutgoingMessage[];
  /** Older messages exist on the server beyond the oldest one we hold. */
  hasOlder: boolean;
  /** The latest page has arrived at least once. */
  loaded: boolean;
}

export type TimelineAction =
  | { type: 'latest-page'; items: Message[]; hasMore: boolean }
  | { type: 'older-page'; items: Message[]; hasMore: boolean }
  | { type: 'message'; message: Message }
  | { type: 'send'; clientMessageId: string; text: string; attachments: Attachment[]; createdAt: number }
  | { type: 'send-failed'; clientMessageId: string; error: AppError }
  | { type: 'retry'; clientMessageId: string }
  | { type: 'discard'; clientMessageId: string }
  | { type: 'read'; authorKind: AuthorKind; upToMessageId: number; readAt: number };

export const emptyTimeline: TimelineState = { messages: [], outgoing: [], hasOlder: false, loaded: false };

/** Union by id (the incoming copy wins: it is newer, e.g. now carrying readAt), oldest first. */
export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): Message[] {
  const byId = new Map<number, Message>();
  for (const message of current) byId.set(message.id, message);
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

const withoutSettled = (outgoing: OutgoingMessage[], stored: readonly Message[]): OutgoingMessage[] => {
  const settled = new Set(stored.map((message) => message.clientMessageId));
  return outgoing.filter((pending) => !settled.has(pending.clientMessageId));
};

const updateOutgoing = (
  state: TimelineState,
  clientMessageId: string,
  change: (pending: OutgoingMessage) => OutgoingMessage | null,
): TimelineState => ({
  ...state,
  outgoing: state.outgoing.flatMap((pending) => {
    if (pending.clientMessageId !== clientMessageId) return [pending];
    const changed = change(pending);
    return changed ? [changed] : [];
  }),
});

function receiveLatestPage(state: TimelineState, items: Message[], hasMore: boolean): TimelineState {
  const newestHeld = state.messages.at(-1)?.id ?? 0;
  const oldestIncoming = items[0]?.id ?? Infinity;
  // After a long disconnect the latest page may not reach back to what we hold; keeping both
  // would hide the gap, so start again from the latest page.
  const leavesGap = state.loaded && hasMore && state.messages.length > 0 && oldestIncoming > newestHeld;
  const messages = leavesGap ? items.slice() : mergeMessages(state.messages, items);
  return {
    messages,
    outgoing: withoutSettled(state.outgoing, items),
    hasOlder: state.loaded && !leavesGap ? state.hasOlder : hasMore,
    loaded: true,
  };
}

export function timelineReducer(state: TimelineState, action: TimelineAction): TimelineState {
  switch (action.type) {
    case 'latest-page':
      return receiveLatestPage(state, action.items, action.hasMore);
    case 'older-page':
      return { ...state, messages: mergeMessages(state.messages, action.items), hasOlder: action.hasMore };
    case 'message':
      return {
        ...state,
        messages: mergeMessages(state.messages, [action.message]),
        outgoing: withoutSettled(state.outgoing, [action.message]),
      };
    case 'send': {
      if (state.messages.some((message) => message.clientMessageId === action.clientMessageId)) return state;
      const { clientMessageId, text, attachments, createdAt } = action;
      const others = state.outgoing.filter((pending) => pending.clientMessageId !== clientMessageId);
      const pending: OutgoingMessage = { clientMessageId, text, attachments, createdAt, status: 'sending', error: null };
      return { ...state, outgoing: [...others, pending] };
    }
    case 'send-failed':
      return updateOutgoing(state, action.clientMessageId, (pending) => ({ ...pending, status: 'failed', error: action.error }));
    case 'retry':
      return updateOutgoing(state, action.clientMessageId, (pending) => ({ ...pending, status: 'sending', error: null }));
    case 'discard':
      return updateOutgoing(state, action.clientMessageId, () => null);
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
