// Starting a conversation (Reply to client chats, R7): find a client of the workspace, see
// where a conversation with them could be, and send the first message. The message goes
// through the same send path as replies (messages/sending.ts): stored once per sender message
// id inside a group-commit batch, the client's email/text deliveries enqueued with it, pushed
// to staff at the location and to the client's page. If the client already has a conversation
// at that location, the message goes into it. A client that does not exist, a location the
// member does not work at and an appointment of someone else all answer alike: not found.
import type { Message } from '../../shared/domain';
import { err, ok, type Result } from '../../shared/result';
import { toDirectoryQuery } from '../clientProfile/directoryQuery';
import { checkContent, refuseWhileOff, sameAttachments, sendMessage } from '../messages/sending';
import type { RealtimeContext } from '../realtime/context';
import type { StaffSocket } from '../realtime/types';
import type { Repositories } from '../repositories';

export const CLIENT_FIND_DEFAULT = 10;
const NOT_FOUND_MESSAGE = 'This client was not found at your locations.';
const notFound = () => err('not_found', NOT_FOUND_MESSAGE);

type StartTarget = { clientId: number; locationId: number; appointmentId: number | null };

/** Whether the client exists and the appointment (if any) is theirs at that location. The
 * location is already known to be one of the member's. */
function checkTarget(repos: Repositories, target: StartTarget): Result<null> {
  if (!repos.clients.findById(target.clientId)) return notFound();
  if (target.appointmentId === null) return ok(null);
  const appointment = repos.appointments.findById(target.appointmentId);
  if (!appointment || appointment.clientId !== target.clientId || appointment.location.id !== target.locationId) {
    return err('not_found', 'This appointment is not one of this client\'s at that location.');
  }
  return ok(null);
}

export function registerConversationStartHandlers(socket: StaffSocket, context: RealtimeContext): void {
  const { repos, clock, onStaff } = context;

  onStaff(socket, 'client:find', (payload, { session }) => {
    const off = refuseWhileOff(repos.workspace.settings());
    if (off) return off;
    const query = toDirectoryQuery(payload.query, repos.clientDirectory.country());
    if (query === null) return ok({ clients: [] });
    return ok({ clients: repos.clientDirectory.find(query, session.locationIds, payload.limit ?? CLIENT_FIND_DEFAULT) });
  });

  onStaff(socket, 'conversation:start-options', (payload, { session }) => {
    const off = refuseWhileOff(repos.workspace.settings());
    if (off) return off;
    const client = repos.clientDirectory.findById(payload.clientId, session.locationIds);
    if (!client) return notFound();
    const now = clock.now();
    const locations = repos.workspace.locationsByIds(session.locationIds).map((location) => ({
      location,
      conversationId: client.conversations.find((conversation) => conversation.location.id === location.id)?.conversationId ?? null,
      appointments: repos.appointments.listForClientAtLocation(client.client.id, location.id, now),
    }));
    return ok({ client, locations });
  });

  onStaff(socket, 'conversation:start', async (payload, { session, afterAck }) => {
    if (!session.locationIds.includes(payload.locationId)) return notFound();
    const attachmentIds = payload.attachmentIds ?? [];
    const invalid = checkContent(payload.text, attachmentIds);
    if (invalid) return invalid;
    const target: StartTarget = { clientId: payload.clientId, locationId: payload.locationId, appointmentId: payload.appointmentId ?? null };
    const sent = await sendMessage(
      context,
      {
        sender: { kind: 'staff', memberId: session.memberId },
        senderMessageId: payload.senderMessageId,
        appointmentId: target.appointmentId,
        text: payload.text,
        attachmentIds,
        createdAt: clock.now(),
        clientSocketId: null,
        sameRequest: (message: Message) => {
          const conversation = repos.conversations.findById(message.conversationId);
          return (
            conversation?.clientId === target.clientId &&
            conversation.locationId === target.locationId &&
            message.appointmentId === target.appointmentId &&
            message.text === payload.text &&
            sameAttachments(message, attachmentIds)
          );
        },
        // Checked and created inside the send's batch: two first messages sent at once find one
        // conversation (the second sees the first's), never two.
        conversation: () => {
          const checked = checkTarget(repos, target);
          if (!checked.ok) return checked;
          return ok(repos.conversations.findOrCreate(target.clientId, target.locationId, clock.now()));
        },
      },
      afterAck,
    );
    return sent.ok ? ok({ conversationId: sent.data.message.conversationId, message: sent.data.message }) : sent;
  });
}
