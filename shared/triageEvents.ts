// Triage: how a team runs its day in the inbox. Each conversation is Open, Snoozed or Done and
// may be assigned to a member; each member has their own unread state. Changes of status,
// snooze and assignment are staff-only events in the conversation's timeline — a client
// never sees them.
import { z } from 'zod';
import {
  idSchema,
  memberRefSchema,
  senderMessageIdSchema,
  sharedConversationSummarySchema,
  timestampSchema,
} from './domain';

/** The inbox's views. Open, Mine and Unassigned list open conversations only. */
export const inboxViewSchema = z.enum(['open', 'mine', 'unassigned', 'snoozed', 'done', 'all']);
export type InboxView = z.infer<typeof inboxViewSchema>;

/** How far ahead a conversation can be snoozed. */
export const SNOOZE_MAX_MS = 366 * 24 * 60 * 60 * 1000;

export const conversationEventSchema = z.object({
  id: idSchema,
  conversationId: idSchema,
  kind: z.enum(['assigned', 'unassigned', 'done', 'reopened', 'snoozed', 'unsnoozed']),
  /** Who made the change; null when it followed from something else (see `cause`). */
  actor: memberRefSchema.nullable(),
  /** 'client-message': the client wrote and the conversation came back to Open;
   * 'snooze-ended': its snooze time came. */
  cause: z.enum(['member', 'client-message', 'snooze-ended']),
  /** The new assignee ('assigned'). */
  assignee: memberRefSchema.nullable(),
  /** Until when ('snoozed'). */
  snoozedUntil: timestampSchema.nullable(),
  createdAt: timestampSchema,
});
export type ConversationEvent = z.infer<typeof conversationEventSchema>;

/** Every change says which conversation version it was decided on (a newer change in between
 * is a conflict that carries the current state), and carries an id of its own so a change
 * retried after a reconnect is applied once. */
const triageChange = {
  conversationId: idSchema,
  expectedVersion: z.number().int().nonnegative(),
  changeId: senderMessageIdSchema,
};

/** The conversation after the change, and the event it made (null: it was already so). */
export const triageResultSchema = z.object({
  conversation: sharedConversationSummarySchema,
  event: conversationEventSchema.nullable(),
});
export type TriageResult = z.infer<typeof triageResultSchema>;

const countSchema = z.number().int().nonnegative();

/** One location's conversations per view, and the member's own unread open ones. */
export const locationCountsSchema = z.object({
  locationId: idSchema,
  open: countSchema,
  mine: countSchema,
  unassigned: countSchema,
  snoozed: countSchema,
  done: countSchema,
  /** Open conversations with messages this member has not read: what the badge counts. */
  unreadOpen: countSchema,
});
export type LocationCounts = z.infer<typeof locationCountsSchema>;

export const triageRequests = {
  'conversation:setStatus': {
    permission: 'chats.reply',
    payload: z.object({ ...triageChange, status: z.enum(['open', 'done']) }),
    result: triageResultSchema,
  },
  'conversation:snooze': {
    permission: 'chats.reply',
    payload: z.object({ ...triageChange, until: timestampSchema }),
    result: triageResultSchema,
  },
  'conversation:assign': {
    permission: 'chats.reply',
    /** null unassigns. */
    payload: z.object({ ...triageChange, assigneeId: idSchema.nullable() }),
    result: triageResultSchema,
  },
  /** Who a conversation can be assigned to: members who may reply at its location. */
  'conversation:assignees': {
    permission: 'chats.reply',
    payload: z.object({ conversationId: idSchema }),
    result: z.object({ members: z.array(memberRefSchema) }),
  },
  /** Marks the conversation unread for this member alone. */
  'conversation:markUnread': {
    permission: 'chats.access',
    payload: z.object({ conversationId: idSchema }),
    result: z.object({ conversationId: idSchema, unreadCount: countSchema }),
  },
  /** The conversation's staff-only events, oldest first (the newest EVENTS_PAGE_MAX). */
  'conversation:events': {
    permission: 'chats.access',
    payload: z.object({ conversationId: idSchema }),
    result: z.object({ items: z.array(conversationEventSchema) }),
  },
  /** Counts per view for each of the member's locations. */
  'conversation:counts': {
    permission: 'chats.access',
    payload: z.object({}),
    result: z.object({ locations: z.array(locationCountsSchema) }),
  },
} as const;

export const EVENTS_PAGE_MAX = 200;

/** The member's own unread count of a conversation changed (read or marked unread, on any of
 * their devices). */
export const unreadUpdateSchema = z.object({ conversationId: idSchema, unreadCount: countSchema });

export const triagePushes = {
  /** A conversation's status, snooze or assignee changed. */
  'conversation:triaged': z.object({ conversation: sharedConversationSummarySchema, event: conversationEventSchema }),
  'unread:updated': unreadUpdateSchema,
} as const;
