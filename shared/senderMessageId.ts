// The id a sender's device gives a message (so a resend is stored once) was called
// `clientMessageId` until staff sent with it too; it is `senderMessageId` now. For one release
// the old name is still read wherever a sender's id arrives from outside this version: a
// `message:send` or `conversation:start` payload of an app of the previous release, and an
// outbox entry that app stored before it was upgraded. Remove this file, and its uses, in the
// release after.
import { z } from 'zod';

export const LEGACY_SENDER_MESSAGE_ID_KEY = 'clientMessageId';

/** Reads `clientMessageId` as `senderMessageId` when only the old name is there; anything else
 * passes unchanged (with both, the new name wins and the old one is dropped as unknown). */
export function renameLegacySenderMessageId(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  if (!(LEGACY_SENDER_MESSAGE_ID_KEY in value) || 'senderMessageId' in value) return value;
  const { [LEGACY_SENDER_MESSAGE_ID_KEY]: senderMessageId, ...rest } = value as Record<string, unknown>;
  return { ...rest, senderMessageId };
}

/** `schema`, also taking the old name on input. Its input type stays the new shape, so code of
 * this version can only send the new name. */
export function acceptingLegacySenderMessageId<S extends z.ZodType>(schema: S) {
  return z.preprocess<unknown, S, z.input<S>>(renameLegacySenderMessageId, schema);
}
