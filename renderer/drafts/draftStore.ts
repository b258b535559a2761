// Unsent replies kept on this device, one per member and conversation, so a half-written reply
// survives switching conversations, a reload or an app restart, and is gone once sent. Keyed by
// member id too: on a shared reception computer the next member never sees someone else's.
// Stored in the desktop preference cache (localStorage in a browser) like the outbox. Typing
// writes at most every WRITE_PAUSE_MS; `flush` writes what is pending (on leaving a
// conversation, or the page).
import { z } from 'zod';
import type { DesktopBridge } from '../../shared/bridge';
import { MESSAGE_MAX_LENGTH } from '../../shared/domain';

export const DRAFT_WRITE_PAUSE_MS = 400;

export const draftKey = (memberId: number, conversationId: number) => `draft:m${memberId}:c${conversationId}`;

const storedDraftSchema = z.object({ text: z.string().max(MESSAGE_MAX_LENGTH), savedAt: z.number() });

type Prefs = Pick<DesktopBridge, 'readPref' | 'writePref'>;
type Timers = { set: (run: () => void, ms: number) => unknown; clear: (handle: unknown) => void };

const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface DraftStore {
  /** The stored draft of a conversation, '' when there is none (or it is unreadable). */
  load(conversationId: number): Promise<string>;
  /** Keeps what is typed; '' removes the draft. Written after a pause in typing. */
  save(conversationId: number, text: string): void;
  /** The draft was sent: removed now, not after a pause. */
  clear(conversationId: number): void;
  /** Writes every pending draft now. */
  flush(): Promise<void>;
}

export function createDraftStore(prefs: Prefs, memberId: number, options: { now?: () => number; timers?: Timers } = {}): DraftStore {
  const now = options.now ?? Date.now;
  const timers = options.timers ?? realTimers;
  /** Typed but not written yet, by conversation. */
  const pending = new Map<number, string>();
  let timer: unknown = null;

  const write = (conversationId: number, text: string) =>
    prefs.writePref(draftKey(memberId, conversationId), text.trim() === '' ? undefined : { text, savedAt: now() });

  async function flush(): Promise<void> {
    if (timer !== null) timers.clear(timer);
    timer = null;
    const writes = [...pending].map(([conversationId, text]) => write(conversationId, text));
    pending.clear();
    await Promise.all(writes);
  }

  return {
    async load(conversationId) {
      const waiting = pending.get(conversationId);
      if (waiting !== undefined) return waiting;
      const parsed = storedDraftSchema.safeParse(await prefs.readPref(draftKey(memberId, conversationId)));
      return parsed.success ? parsed.data.text : '';
    },
    save(conversationId, text) {
      pending.set(conversationId, text);
      timer ??= timers.set(() => void flush(), DRAFT_WRITE_PAUSE_MS);
    },
    clear(conversationId) {
      pending.delete(conversationId);
      void write(conversationId, '');
    },
    flush,
  };
}
