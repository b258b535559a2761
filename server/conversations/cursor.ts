// The inbox list's opaque keyset cursor: the (last activity, id) of the last row served.
// Opaque so the renderer never builds one, and the encoding can change without a protocol bump.
import type { ConversationPosition } from './conversations.repository';

export function encodeConversationCursor(position: ConversationPosition): string {
  return Buffer.from(`${position.lastActivityAt}:${position.id}`).toString('base64url');
}

export function decodeConversationCursor(cursor: string): ConversationPosition | null {
  const match = /^(\d{1,16}):(\d{1,16})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) return null;
  return { lastActivityAt: Number(match[1]), id: Number(match[2]) };
}
