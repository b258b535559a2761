// client:get — what the client page shows: whether Client Connect is on, the client's
// appointments (each saying whether it offers messaging) and their conversations.
import { err, ok } from '../../shared/result';
import type { RealtimeContext } from '../realtime/context';
import type { ClientSocket } from '../realtime/types';
import { offersMessaging } from './contactPolicy';

export function registerClientHandlers(socket: ClientSocket, { repos, clock, onClient }: RealtimeContext): void {
  onClient(socket, 'client:get', (_payload, { clientId }) => {
    const client = repos.clients.findById(clientId);
    const workspace = repos.workspace.get();
    if (!client || !workspace) return err('not_found', 'This client no longer exists.');
    const now = clock.now();
    const conversations = repos.conversations.listForClient(clientId);
    const conversationAt = new Map(conversations.map((conversation) => [conversation.location.id, conversation.id]));
    const appointments = repos.appointments.listForClient(clientId, now).map((appointment) => ({
      ...appointment,
      canMessage: offersMessaging(appointment, workspace.settings, now),
      conversationId: conversationAt.get(appointment.location.id) ?? null,
    }));
    return ok({ client, workspaceName: workspace.name, messagingEnabled: workspace.settings.enabled, readReceipts: workspace.settings.readReceipts, appointments, conversations });
  });
}
