// Quick replies: the library for Settings (create, edit, delete; needs Manage settings) and the
// replies offered in a conversation, filled in with its details (needs Reply, at the
// conversation's location). A change reaches the open composers at the locations it concerns.
import { ok } from '../../shared/result';
import { conversationForStaff } from '../conversations/access';
import type { RealtimeContext } from '../realtime/context';
import type { StaffSocket } from '../realtime/types';
import { fillQuickReplies, placeholderValuesFor } from './fillQuickReplies';
import { createQuickReplyLibrary } from './quickReplyLibrary';

export function registerQuickReplyHandlers(socket: StaffSocket, { repos, clock, onStaff, pushes }: RealtimeContext): void {
  const library = createQuickReplyLibrary(repos);

  onStaff(socket, 'quickReply:library', () => ok({ items: repos.quickReplies.library(), locations: repos.workspace.locations() }));

  onStaff(socket, 'quickReply:create', (payload, { session, memberName, afterAck }) => {
    const created = library.create(payload.reply, { id: session.memberId, name: memberName }, clock.now());
    if (!created.ok) return created;
    afterAck(() => pushes.quickRepliesChanged(created.data.locationIds));
    return ok(created.data.reply);
  });

  onStaff(socket, 'quickReply:update', (payload, { session, memberName, afterAck }) => {
    const updated = library.update(payload.id, payload.reply, payload.baseVersion, { id: session.memberId, name: memberName }, clock.now());
    if (!updated.ok) return updated;
    afterAck(() => pushes.quickRepliesChanged(updated.data.locationIds));
    return ok(updated.data.reply);
  });

  onStaff(socket, 'quickReply:delete', (payload, { session, memberName, afterAck }) => {
    const deleted = library.delete(payload.id, { id: session.memberId, name: memberName }, clock.now());
    if (!deleted.ok) return deleted;
    afterAck(() => pushes.quickRepliesChanged(deleted.data.locationIds));
    return ok({ id: payload.id });
  });

  onStaff(socket, 'quickReply:list', (payload, { session, memberName }) => {
    const access = conversationForStaff(repos, session, payload.conversationId);
    if (!access.ok) return access;
    const values = placeholderValuesFor(repos, access.data, memberName, clock.now());
    return ok({ items: fillQuickReplies(repos.quickReplies.atLocation(access.data.locationId), values) });
  });
}
