// The outbox: every outgoing message is kept here, persisted, until the server acknowledges
// it. Sending retries with the same sender message id, so the server stores each once however
// many attempts reach it. Plain TypeScript with its storage, transport and lock injected: the
// renderer runs it over the desktop bridge's preference cache, the fault-injection test over
// a test store, both with the same rules.
//
// When the storage refuses to save (a full or size-limited store), the entries are kept in
// memory instead and sent from there for as long as this page or app stays open; the next change
// tries to save them again. Either way there is one way to send and resend: this outbox.
//
// Rules: entries go one at a time in the order written, so each conversation keeps its order.
// A connection problem stops the flush (the next connect resumes it). A permanent refusal
// marks the entry failed; it then waits for Retry or Discard and holds back the entries
// written after it in the same conversation, which would otherwise overtake it.
import { z } from 'zod';
import { appErrorSchema, type AppError, type ErrorCode, type Result } from '../result';
import { acceptingLegacySenderMessageId } from '../senderMessageId';

/** Worth sending again by ourselves: the request may never have arrived, or may arrive later. */
const TRANSIENT: ReadonlySet<ErrorCode> = new Set(['unavailable', 'internal', 'rate_limited', 'unauthenticated']);
export const isTransientSendError = (error: AppError): boolean => TRANSIENT.has(error.code);

/** An entry as stored. Entries an app of the previous release stored name their id
 * `clientMessageId`; they are read, and so resent, under the new name. */
export const outboxEntrySchema = <P extends z.ZodType>(payload: P) =>
  acceptingLegacySenderMessageId(
    z.object({
      senderMessageId: z.uuid(),
      /** Entries of one queue (a conversation) are delivered in order. */
      queue: z.string().min(1).max(64),
      payload,
      createdAt: z.number().int().nonnegative(),
      state: z.enum(['pending', 'failed']),
      error: appErrorSchema.nullable(),
    }),
  );

/** Prefix of the preference-cache keys holding each staff member's outbox (`outbox:m<id>`). */
export const STAFF_OUTBOX_KEY_PREFIX = 'outbox:m';

/** How many entries of a stored outbox still wait to be sent (refused ones wait for the member
 * instead); anything unreadable counts as none, as the outbox itself would read it. */
export function countPendingEntries(stored: unknown): number {
  if (!Array.isArray(stored)) return 0;
  return stored.filter((entry: unknown) => typeof entry === 'object' && entry !== null && (entry as { state?: unknown }).state === 'pending').length;
}

export type OutboxEntry<P> = {
  senderMessageId: string;
  queue: string;
  payload: P;
  createdAt: number;
  state: 'pending' | 'failed';
  error: AppError | null;
};

/** Where the entries live between runs (and, in a browser, between tabs). */
export interface OutboxStorage {
  load(): Promise<unknown>;
  save(entries: unknown): Promise<void>;
}

/** Runs `work` while holding the named lock, across every tab or window sharing the storage. */
export type WithLock = <T>(name: string, work: () => Promise<T>) => Promise<T>;
const noLock: WithLock = (_name, work) => work();

export interface OutboxOptions<P, M> {
  storage: OutboxStorage;
  payloadSchema: z.ZodType<P>;
  /** One attempt; a lost connection or timeout answers `unavailable`. */
  send(entry: OutboxEntry<P>): Promise<Result<M>>;
  /** Lock names are scoped with this, e.g. the member's storage key. */
  lockName: string;
  withLock?: WithLock;
  now?: () => number;
}

export type OutboxSnapshot<P> = { entries: OutboxEntry<P>[]; inFlight: string | null };

export interface Outbox<P, M> {
  /** The entries as last loaded or written; synchronous for rendering. */
  snapshot(): OutboxSnapshot<P>;
  /** Notified after every change, including ones another tab made once `refresh` sees them. */
  subscribe(listener: (snapshot: OutboxSnapshot<P>) => void): () => void;
  /** Called with the stored message for each acknowledged entry. */
  onDelivered(listener: (message: M, entry: OutboxEntry<P>) => void): () => void;
  /** Keeps a new entry (persisted where the storage allows); call `flush` to send it. */
  enqueue(entry: { senderMessageId: string; queue: string; payload: P }): Promise<void>;
  retry(senderMessageId: string): Promise<void>;
  discard(senderMessageId: string): Promise<void>;
  /** Re-reads the storage (another tab changed it). */
  refresh(): Promise<void>;
  /** Sends what can be sent now, in order; resolves when it stops (done, offline, or blocked). */
  flush(): Promise<FlushOutcome>;
}

export type FlushOutcome = { delivered: number; stoppedBy: AppError | null };

export function createOutbox<P, M>(options: OutboxOptions<P, M>): Outbox<P, M> {
  const withLock = options.withLock ?? noLock;
  const now = options.now ?? Date.now;
  const listSchema = z.array(outboxEntrySchema(options.payloadSchema));
  let snapshot: OutboxSnapshot<P> = { entries: [], inFlight: null };
  const listeners = new Set<(snapshot: OutboxSnapshot<P>) => void>();
  const deliveredListeners = new Set<(message: M, entry: OutboxEntry<P>) => void>();
  let flushing: Promise<FlushOutcome> | null = null;
  let flushAgain = false;

  const publish = (next: OutboxSnapshot<P>) => {
    snapshot = next;
    for (const listener of listeners) listener(snapshot);
  };
  // The value last read or written, and its entries: a store that hands back what it was given
  // (in memory) is not parsed again; one that deserializes (localStorage, a file) always is.
  let known: { raw: unknown; entries: OutboxEntry<P>[] } | null = null;
  /** Entries the storage refused to save, held here until a save succeeds. */
  let unsaved: OutboxEntry<P>[] | null = null;
  const load = async (): Promise<OutboxEntry<P>[]> => {
    if (unsaved) return unsaved;
    const raw = await options.storage.load();
    if (known && raw === known.raw) return known.entries;
    const parsed = listSchema.safeParse(raw ?? []);
    // A damaged store must not stop the app; what cannot be read cannot be sent either.
    const entries = parsed.success ? (parsed.data as OutboxEntry<P>[]) : [];
    known = { raw, entries };
    return entries;
  };
  /** Read-modify-write under the data lock, so two tabs never lose each other's changes. */
  const change = (edit: (entries: OutboxEntry<P>[]) => OutboxEntry<P>[]) =>
    withLock(`${options.lockName}:data`, async () => {
      const entries = edit(await load());
      try {
        await options.storage.save(entries);
        unsaved = null;
      } catch {
        unsaved = entries;
      }
      known = { raw: entries, entries };
      publish({ ...snapshot, entries });
      return entries;
    });
  const setInFlight = (inFlight: string | null) => publish({ ...snapshot, inFlight });

  /** The next entry to send: the first pending one whose queue has no failed entry before it. */
  const nextToSend = (entries: readonly OutboxEntry<P>[]): OutboxEntry<P> | undefined => {
    const blocked = new Set<string>();
    for (const entry of entries) {
      if (entry.state === 'failed') blocked.add(entry.queue);
      else if (!blocked.has(entry.queue)) return entry;
    }
    return undefined;
  };

  const runFlush = () =>
    withLock(`${options.lockName}:send`, async (): Promise<FlushOutcome> => {
      let delivered = 0;
      for (;;) {
        const entries = await load();
        publish({ ...snapshot, entries });
        const entry = nextToSend(entries);
        if (!entry) return { delivered, stoppedBy: null };
        setInFlight(entry.senderMessageId);
        const result = await options.send(entry);
        setInFlight(null);
        if (result.ok) {
          await change((current) => current.filter((held) => held.senderMessageId !== entry.senderMessageId));
          delivered += 1;
          for (const listener of deliveredListeners) listener(result.data, entry);
          continue;
        }
        if (isTransientSendError(result.error)) return { delivered, stoppedBy: result.error };
        const error = result.error;
        await change((current) =>
          current.map((held) => (held.senderMessageId === entry.senderMessageId ? { ...held, state: 'failed', error } : held)),
        );
      }
    });

  const flush = async (): Promise<FlushOutcome> => {
    // One flush at a time per outbox; a call during one runs another right after it, so an
    // entry written meanwhile is not left waiting for the next reconnect.
    if (flushing) {
      flushAgain = true;
      return flushing;
    }
    let outcome: FlushOutcome = { delivered: 0, stoppedBy: null };
    flushing = (async () => {
      do {
        flushAgain = false;
        const round = await runFlush();
        outcome = { delivered: outcome.delivered + round.delivered, stoppedBy: round.stoppedBy };
      } while (flushAgain && outcome.stoppedBy === null);
      return outcome;
    })();
    try {
      return await flushing;
    } finally {
      flushing = null;
    }
  };

  return {
    snapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onDelivered(listener) {
      deliveredListeners.add(listener);
      return () => deliveredListeners.delete(listener);
    },
    async enqueue({ senderMessageId, queue, payload }) {
      const entry: OutboxEntry<P> = { senderMessageId, queue, payload, createdAt: now(), state: 'pending', error: null };
      await change((entries) => (entries.some((held) => held.senderMessageId === senderMessageId) ? entries : [...entries, entry]));
    },
    async retry(senderMessageId) {
      await change((entries) =>
        entries.map((held) => (held.senderMessageId === senderMessageId ? { ...held, state: 'pending', error: null } : held)),
      );
    },
    async discard(senderMessageId) {
      await change((entries) => entries.filter((held) => held.senderMessageId !== senderMessageId));
    },
    async refresh() {
      publish({ ...snapshot, entries: await load() });
    },
    flush,
  };
}
