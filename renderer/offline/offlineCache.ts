// What the inbox keeps on this computer so it opens and reads while the server is unreachable:
// the first page of conversations and the latest messages of recently opened conversations,
// and for managers the team (so permission groups can be edited offline), per member, in the desktop bridge's preference cache (localStorage in a browser). Values are
// parsed on the way back in like anything else crossing a boundary.
import { z } from 'zod';
import { teamSchema, type Team } from '../../shared/teamEvents';
import type { DesktopBridge } from '../../shared/bridge';
import { conversationSummarySchema, messageSchema, sessionInfoSchema, type ConversationSummary, type Message, type SessionInfo } from '../../shared/domain';
import { conversationEventSchema, type ConversationEvent } from '../../shared/triageEvents';
import { internalNoteSchema, type InternalNote } from '../../shared/noteEvents';

/** Conversations and messages kept per conversation: enough to read, small enough to store. */
export const CACHED_CONVERSATIONS = 30;
export const CACHED_MESSAGES = 30;
/** The desktop cache refuses values over 64 KB; stay under it. */
const VALUE_BUDGET = 60 * 1024;

type Prefs = Pick<DesktopBridge, 'readPref' | 'writePref'>;

/** The one list kept before the inbox had views: only cleared now. */
const conversationListKey = (memberId: number) => `cache:m${memberId}:inbox`;
const teamKey = (memberId: number) => `cache:m${memberId}:team`;
/** Which conversations have cached messages, so signing out can remove them all. */
const indexKey = (memberId: number) => `cache:m${memberId}:index`;
const messagesKey = (memberId: number, conversationId: number) => `cache:m${memberId}:c${conversationId}`;
/** A conversation's staff-only events (status, snooze, assignment), beside its messages. */
const eventsKey = (memberId: number, conversationId: number) => `cache:m${memberId}:e${conversationId}`;
/** A conversation's internal notes, beside its messages. */
const notesKey = (memberId: number, conversationId: number) => `cache:m${memberId}:n${conversationId}`;

const cachedListSchema = z.array(conversationSummarySchema);
const cachedMessagesSchema = z.array(messageSchema);
const cachedEventsSchema = z.array(conversationEventSchema);
const cachedNotesSchema = z.array(internalNoteSchema);
const indexSchema = z.array(z.number().int().positive());

/** Keeps as many items as fit the budget, dropping from the end named (the least recent). */
function within<T>(items: readonly T[], drop: 'first' | 'last'): T[] {
  let kept = items.slice();
  while (kept.length > 1 && JSON.stringify(kept).length > VALUE_BUDGET) {
    const cut = Math.ceil(kept.length / 4);
    kept = drop === 'first' ? kept.slice(cut) : kept.slice(0, kept.length - cut);
  }
  return kept;
}

async function readParsed<T>(prefs: Prefs, key: string, schema: z.ZodType<T>): Promise<T | null> {
  try {
    const parsed = schema.safeParse(await prefs.readPref(key));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const writeQuietly = (prefs: Prefs, key: string, value: unknown) => prefs.writePref(key, value).catch(() => undefined);

/** The inbox list of each view the member chose (Open, Done, one location…), and which views
 * have one, so signing out can remove them all. */
const viewListKey = (memberId: number, viewKey: string) => `cache:m${memberId}:inbox:${viewKey}`;
const viewIndexKey = (memberId: number) => `cache:m${memberId}:views`;
const viewIndexSchema = z.array(z.string().max(100)).max(1000);

const conversationViews = {
  readConversationView: (prefs: Prefs, memberId: number, viewKey: string) =>
    readParsed(prefs, viewListKey(memberId, viewKey), cachedListSchema),
  async writeConversationView(prefs: Prefs, memberId: number, viewKey: string, items: readonly ConversationSummary[]) {
    const index = (await readParsed(prefs, viewIndexKey(memberId), viewIndexSchema)) ?? [];
    if (!index.includes(viewKey)) await writeQuietly(prefs, viewIndexKey(memberId), [...index, viewKey]);
    return writeQuietly(prefs, viewListKey(memberId, viewKey), within(items.slice(0, CACHED_CONVERSATIONS), 'last'));
  },
  async clearConversationViews(prefs: Prefs, memberId: number) {
    const index = (await readParsed(prefs, viewIndexKey(memberId), viewIndexSchema)) ?? [];
    await Promise.all([...index.map((viewKey) => writeQuietly(prefs, viewListKey(memberId, viewKey), undefined)), writeQuietly(prefs, viewIndexKey(memberId), undefined)]);
  },
};

export const offlineCache = {
  readMessages: (prefs: Prefs, memberId: number, conversationId: number) =>
    readParsed(prefs, messagesKey(memberId, conversationId), cachedMessagesSchema),
  async writeMessages(prefs: Prefs, memberId: number, conversationId: number, messages: readonly Message[]) {
    const index = (await readParsed(prefs, indexKey(memberId), indexSchema)) ?? [];
    if (!index.includes(conversationId)) await writeQuietly(prefs, indexKey(memberId), [...index, conversationId]);
    return writeQuietly(prefs, messagesKey(memberId, conversationId), within(messages.slice(-CACHED_MESSAGES), 'first'));
  },
  ...conversationViews,
  readEvents: (prefs: Prefs, memberId: number, conversationId: number) =>
    readParsed(prefs, eventsKey(memberId, conversationId), cachedEventsSchema),
  /** Written after the conversation's messages, which keep it in the index for `clear`. */
  writeEvents(prefs: Prefs, memberId: number, conversationId: number, events: readonly ConversationEvent[]) {
    return writeQuietly(prefs, eventsKey(memberId, conversationId), within(events.slice(-CACHED_MESSAGES), 'first'));
  },
  readNotes: (prefs: Prefs, memberId: number, conversationId: number) =>
    readParsed(prefs, notesKey(memberId, conversationId), cachedNotesSchema),
  /** Written after the conversation's messages, which keep it in the index for `clear`. */
  writeNotes(prefs: Prefs, memberId: number, conversationId: number, notes: readonly InternalNote[]) {
    return writeQuietly(prefs, notesKey(memberId, conversationId), within(notes.slice(-CACHED_MESSAGES), 'first'));
  },
  readTeam: (prefs: Prefs, memberId: number) => readParsed(prefs, teamKey(memberId), teamSchema),
  /** A team too large for the cache is not kept: offline group edits then need the page loaded. */
  writeTeam(prefs: Prefs, memberId: number, team: Team) {
    if (JSON.stringify(team).length > VALUE_BUDGET) return Promise.resolve();
    return writeQuietly(prefs, teamKey(memberId), team);
  },
  /** Signing out on a shared computer: the member's conversations leave it. Unsent replies and
   * offline edits stay, to go out at their next sign-in. */
  async clear(prefs: Prefs, memberId: number) {
    const index = (await readParsed(prefs, indexKey(memberId), indexSchema)) ?? [];
    await Promise.all([
      ...index.map((conversationId) => writeQuietly(prefs, messagesKey(memberId, conversationId), undefined)),
      ...index.map((conversationId) => writeQuietly(prefs, eventsKey(memberId, conversationId), undefined)),
      ...index.map((conversationId) => writeQuietly(prefs, notesKey(memberId, conversationId), undefined)),
      writeQuietly(prefs, conversationListKey(memberId), undefined),
      writeQuietly(prefs, teamKey(memberId), undefined),
      writeQuietly(prefs, indexKey(memberId), undefined),
      conversationViews.clearConversationViews(prefs, memberId),
    ]);
  },
};

/** The signed-in member's session, kept for this tab beside its token (sessionStorage): after
 * a reload the app opens on it at once, even while the server is unreachable. */
export function createSessionCache(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>, key: string) {
  return {
    read(): SessionInfo | null {
      try {
        const parsed = sessionInfoSchema.safeParse(JSON.parse(storage.getItem(key) ?? 'null'));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    write: (session: SessionInfo) => storage.setItem(key, JSON.stringify(session)),
    clear: () => storage.removeItem(key),
  };
}
