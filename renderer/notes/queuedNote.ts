// An internal note as the member's outbox keeps it: written offline (or online: one path), it
// waits on the device in the conversation's order with the replies and goes out once (the
// entry's id is the note's own id, which the server stores once per writer).
import { z } from 'zod';
import { idSchema } from '../../shared/domain';
import { NOTE_MENTIONS_MAX, type InternalNote, type noteRequests } from '../../shared/noteEvents';
import type { Result } from '../../shared/result';
import type { MemberRef } from '../../shared/domain';
import type { StaffApi } from '../api/staffApi';

export const queuedNoteSchema = z.object({
  conversationId: idSchema,
  note: z.object({ text: z.string().min(1).max(4000), mentionIds: z.array(idSchema).max(NOTE_MENTIONS_MAX) }),
});
export type QueuedNote = z.infer<typeof queuedNoteSchema>;

/** What the outbox hands on for a delivered note: it, and whom it could not notify. */
export type NoteAck = { note: InternalNote; notNotified: MemberRef[] };
export const isNoteAck = (ack: object): ack is NoteAck => 'note' in ack && 'notNotified' in ack;
export const isQueuedNote = (payload: object): payload is QueuedNote => 'note' in payload;

export function sendNote(api: Pick<StaffApi, 'request'>, senderNoteId: string, payload: QueuedNote): Promise<Result<NoteAck>> {
  const request: z.input<(typeof noteRequests)['note:add']['payload']> = {
    conversationId: payload.conversationId,
    senderNoteId,
    text: payload.note.text,
    mentionIds: payload.note.mentionIds,
  };
  return api.request('note:add', request);
}
