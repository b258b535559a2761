// The delivery outbox (R11): one row per staff message per channel, enqueued in the message's
// own transaction and worked off by the delivery worker. A row is claimed ('sending') before it
// goes to a provider and settled after, so every attempt is on record.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Delivery, DeliveryChannel, DeliveryState } from '../../shared/deliveries';

type DeliveryRow = {
  id: number;
  message_id: number;
  conversation_id: number;
  location_id: number;
  channel: DeliveryChannel;
  state: DeliveryState;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  updated_at: number;
};

/** A claimed row with what the worker needs to write the email or text. */
export type ClaimedDelivery = {
  id: number;
  channel: DeliveryChannel;
  address: string;
  idempotencyKey: string;
  attempts: number;
  text: string;
  attachmentCount: number;
  clientName: string;
  locationName: string;
  workspaceName: string;
};

type ClaimedRow = {
  id: number;
  channel: DeliveryChannel;
  address: string;
  idempotency_key: string;
  attempts: number;
  text: string;
  attachment_count: number;
  client_name: string;
  location_name: string;
  workspace_name: string;
};

export type LocatedDelivery = { locationId: number; delivery: Delivery };

const DELIVERY_SELECT = `SELECT d.id, d.message_id, m.conversation_id, c.location_id, d.channel, d.state, d.attempts,
         d.next_attempt_at, d.last_error, d.updated_at
    FROM deliveries d
    JOIN messages m ON m.id = d.message_id
    JOIN conversations c ON c.id = m.conversation_id`;

/** The next row that is due, oldest due first: walks deliveries_due. */
export const DUE_DELIVERY_SQL = `SELECT id FROM deliveries
  WHERE state IN ('pending', 'retrying') AND next_attempt_at <= ?
  ORDER BY next_attempt_at LIMIT 1`;

/** A conversation's deliveries, newest message first: its messages by index, then each one's rows. */
export const CONVERSATION_DELIVERIES_SQL = `${DELIVERY_SELECT}
  WHERE m.conversation_id = ? ORDER BY m.id DESC, d.channel LIMIT ?`;

const toDelivery = (row: DeliveryRow): Delivery => ({
  messageId: row.message_id,
  conversationId: row.conversation_id,
  channel: row.channel,
  state: row.state,
  attempts: row.attempts,
  lastError: row.last_error,
  nextAttemptAt: row.state === 'pending' || row.state === 'retrying' ? row.next_attempt_at : null,
  updatedAt: row.updated_at,
});

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;

export function createOutboxRepository(db: Database) {
  const enqueuedListeners = new Set<() => void>();
  const insert = db.prepare<{ messageId: number; channel: DeliveryChannel; address: string; key: string; now: number }>(
    `INSERT INTO deliveries (message_id, channel, address, idempotency_key, state, next_attempt_at, created_at, updated_at)
     VALUES (:messageId, :channel, :address, :key, 'pending', :now, :now, :now)
     ON CONFLICT (message_id, channel) DO NOTHING`,
  );
  const selectDue = db.prepare<[number], { id: number }>(DUE_DELIVERY_SQL);
  const claim = db.prepare<[number, number]>(
    "UPDATE deliveries SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ? AND state IN ('pending', 'retrying')",
  );
  const selectClaimed = db.prepare<[number], ClaimedRow>(
    `SELECT d.id, d.channel, d.address, d.idempotency_key, d.attempts, m.text,
            (SELECT count(*) FROM attachments a WHERE a.message_id = m.id) AS attachment_count,
            cl.name AS client_name, l.name AS location_name, coalesce(w.name, '') AS workspace_name
       FROM deliveries d
       JOIN messages m ON m.id = d.message_id
       JOIN conversations c ON c.id = m.conversation_id
       JOIN clients cl ON cl.id = c.client_id
       JOIN locations l ON l.id = c.location_id
       LEFT JOIN workspace w ON w.id = 1
      WHERE d.id = ?`,
  );
  const settle = db.prepare<{ id: number; state: DeliveryState; error: string | null; nextAt: number; now: number; sentAt: number | null }>(
    `UPDATE deliveries SET state = :state, last_error = :error, next_attempt_at = :nextAt, updated_at = :now, sent_at = :sentAt
      WHERE id = :id AND state = 'sending'`,
  );
  const selectInFlight = db.prepare<[], { id: number }>("SELECT id FROM deliveries WHERE state = 'sending'");
  const requeue = db.prepare<[string, number, number]>(
    "UPDATE deliveries SET state = 'retrying', last_error = ?, next_attempt_at = ?, updated_at = ? WHERE state = 'sending'",
  );
  const selectById = db.prepare<[number], DeliveryRow>(`${DELIVERY_SELECT} WHERE d.id = ?`);
  const selectByMessageChannel = db.prepare<[number, DeliveryChannel], DeliveryRow>(
    `${DELIVERY_SELECT} WHERE d.message_id = ? AND d.channel = ?`,
  );
  // Only a failed row moves: of two retries that race (a double click), one changes it and the
  // other finds it pending already. A new address gets a new idempotency key (a provider may
  // remember its refusal of the old one); the same address keeps it, so a send the provider did
  // accept before is still recognised.
  const requeueFailed = db.prepare<{ messageId: number; channel: DeliveryChannel; address: string; key: string; now: number }>(
    `UPDATE deliveries
        SET state = 'pending', next_attempt_at = :now, updated_at = :now, last_error = NULL,
            idempotency_key = CASE WHEN address = :address THEN idempotency_key ELSE :key END, address = :address
      WHERE message_id = :messageId AND channel = :channel AND state = 'failed'`,
  );
  const selectByConversation = db.prepare<[number, number], DeliveryRow>(CONVERSATION_DELIVERIES_SQL);

  const claimNext = db.transaction((now: number): ClaimedDelivery | null => {
    const due = selectDue.get(now);
    if (!due) return null;
    claim.run(now, due.id);
    const row = selectClaimed.get(due.id);
    if (!row) return null;
    return {
      id: row.id,
      channel: row.channel,
      address: row.address,
      idempotencyKey: row.idempotency_key,
      attempts: row.attempts,
      text: row.text,
      attachmentCount: row.attachment_count,
      clientName: row.client_name,
      locationName: row.location_name,
      workspaceName: row.workspace_name,
    };
  });

  const located = (id: number): LocatedDelivery | null => {
    const row = selectById.get(id);
    return row ? { locationId: row.location_id, delivery: toDelivery(row) } : null;
  };

  return {
    /** Records one delivery of a message on a channel; a second call for the same pair is a no-op. */
    enqueue(messageId: number, channel: DeliveryChannel, address: string, now: number): boolean {
      const inserted = insert.run({ messageId, channel, address, key: randomUUID(), now }).changes === 1;
      // setImmediate runs after the surrounding transaction has committed (it is synchronous).
      if (inserted) setImmediate(() => enqueuedListeners.forEach((listener) => listener()));
      return inserted;
    },
    /** Called (after commit) whenever a delivery was enqueued. Returns unsubscribe. */
    onEnqueued(listener: () => void): () => void {
      enqueuedListeners.add(listener);
      return () => enqueuedListeners.delete(listener);
    },
    /** Claims the next due delivery ('sending', one more attempt), or null if none is due. */
    claimNext(now: number): ClaimedDelivery | null {
      return claimNext(now);
    },
    markSent(id: number, now: number): void {
      settle.run({ id, state: 'sent', error: null, nextAt: now, now, sentAt: now });
    },
    markRetrying(id: number, error: string, nextAt: number, now: number): void {
      settle.run({ id, state: 'retrying', error, nextAt, now, sentAt: null });
    },
    markFailed(id: number, error: string, now: number): void {
      settle.run({ id, state: 'failed', error, nextAt: now, now, sentAt: null });
    },
    /** Rows a previous process claimed and never settled: due again now, same idempotency key. */
    requeueInterrupted(reason: string, now: number): number[] {
      return db.transaction(() => {
        const ids = selectInFlight.all().map((row) => row.id);
        requeue.run(reason, now, now);
        return ids;
      })();
    },
    find: located,
    /** The delivery of one message on one channel, with its conversation's location. */
    findFor(messageId: number, channel: DeliveryChannel): LocatedDelivery | null {
      const row = selectByMessageChannel.get(messageId, channel);
      return row ? { locationId: row.location_id, delivery: toDelivery(row) } : null;
    },
    /** A failed delivery is due again now, to `address`. False when it was not failed (already
     * retried, sending or sent): nothing changed. */
    retryFailed(messageId: number, channel: DeliveryChannel, address: string, now: number): boolean {
      const requeued = requeueFailed.run({ messageId, channel, address, key: randomUUID(), now }).changes === 1;
      if (requeued) setImmediate(() => enqueuedListeners.forEach((listener) => listener()));
      return requeued;
    },
    /** The deliveries of a conversation's most recent messages, newest message first. */
    listForConversation(conversationId: number, limit = 200): Delivery[] {
      return selectByConversation.all(conversationId, limit).map(toDelivery);
    },
  };
}
