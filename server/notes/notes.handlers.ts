// Staff requests for notes: internal notes in a conversation (Access at its location) and the
// client note beside it (reading needs Access, saving needs Reply). Notes only ever go to staff
// rooms: nothing here reaches a client connection, email or text.
import { err, ok } from '../../shared/result';
import { NOTES_PAGE_MAX, type ClientNote } from '../../shared/noteEvents';
import { conversationForStaff } from '../conversations/access';
import { refuseWhileOff } from '../messages/sending';
import type { RealtimeContext } from '../realtime/context';
import type { StaffSocket } from '../realtime/types';
import { addNote } from './notes';

export const CLIENT_NOTE_CHANGED =
  'Someone else changed this client note meanwhile. Their version is shown: add your change to it and save again.';

/** The audit keeps who changed a client note and when, not what it says (health details). */
const auditView = (note: ClientNote) => ({ version: note.version, characters: note.text.length });

export function registerNoteHandlers(socket: StaffSocket, { repos, clock, onStaff, pushes, writes }: RealtimeContext): void {
  onStaff(socket, 'note:add', async (payload, { session, afterAck }) => {
    const access = conversationForStaff(repos, session, payload.conversationId);
    if (!access.ok) return access;
    const off = refuseWhileOff(repos.workspace.settings());
    if (off) return off;
    const conversation = access.data;
    // In the write queue, so a note lands after anything the member sent before it.
    const outcome = await writes.run(() =>
      addNote(repos, {
        conversation,
        authorId: session.memberId,
        senderNoteId: payload.senderNoteId,
        text: payload.text,
        mentionIds: payload.mentionIds ?? [],
        now: clock.now(),
      }),
    );
    if (!outcome.ok) return outcome;
    const { note, created, notNotified } = outcome.data;
    if (created) {
      afterAck(() => {
        pushes.noteCreated(conversation.locationId, note);
        const summary = repos.conversations.sharedSummary(conversation.id);
        if (summary) pushes.noteMentioned(note, summary);
      });
    }
    return ok({ note, notNotified });
  });

  onStaff(socket, 'note:list', (payload, { session }) => {
    const access = conversationForStaff(repos, session, payload.conversationId);
    if (!access.ok) return access;
    const off = refuseWhileOff(repos.workspace.settings());
    if (off) return off;
    return ok({ items: repos.notes.list(payload.conversationId, NOTES_PAGE_MAX) });
  });

  onStaff(socket, 'note:mentionable', (payload, { session }) => {
    const access = conversationForStaff(repos, session, payload.conversationId);
    if (!access.ok) return access;
    return ok({ members: repos.notes.mentionable(access.data.locationId, session.memberId) });
  });

  onStaff(socket, 'clientNote:get', (payload, { session }) => {
    const access = conversationForStaff(repos, session, payload.conversationId);
    if (!access.ok) return access;
    return ok(repos.clientNotes.find(access.data.clientId));
  });

  onStaff(socket, 'clientNote:update', (payload, { session, memberName, afterAck }) => {
    const access = conversationForStaff(repos, session, payload.conversationId);
    if (!access.ok) return access;
    const { clientId } = access.data;
    const now = clock.now();
    const actor = { id: session.memberId, name: memberName };
    const outcome = repos.transaction(() => {
      const saved = repos.clientNotes.save(clientId, payload.text, payload.expectedVersion, session.memberId, now);
      if (saved.kind === 'updated') {
        const client = repos.clientProfiles.find(clientId);
        repos.audit.record({
          at: now,
          actor,
          action: 'clientNote.update',
          subject: `Client note of ${client?.name ?? `client ${clientId}`}`,
          before: auditView(saved.before),
          after: auditView(saved.after),
        });
      }
      return saved;
    });
    switch (outcome.kind) {
      case 'conflict':
        return err('conflict', CLIENT_NOTE_CHANGED, outcome.current);
      case 'unchanged':
        return ok(outcome.current);
      case 'updated':
        afterAck(() => pushes.clientNoteUpdated(repos.clientProfiles.locationIds(clientId), outcome.after));
        return ok(outcome.after);
    }
  });
}
