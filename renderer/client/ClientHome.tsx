// The client page once connected: the business, the client's appointments and the open chat.
import { useCallback, useEffect, useState } from 'react';
import type { ClientAppointment } from '../../shared/clientEvents';
import type { ConnectionStatus } from '../api/connectionStatus';
import { ConnectionBanner } from '../ui/ConnectionBanner';
import { useNow } from '../ui/useNow';
import type { ClientApi } from './clientApi';
import type { ClientOutbox } from '../sending/clientOutbox';
import { AppointmentList } from './AppointmentList';
import { ClientChat } from './ClientChat';
import { ClientNotifications } from './ClientNotifications';
import { conversationsWithoutAppointment, emptyChatHint, sortAppointments } from './clientOverview';
import { SalonConversationList } from './SalonConversationList';
import type { ClientOverview } from './useClientOverview';

interface ClientHomeProps {
  api: ClientApi;
  outbox: ClientOutbox;
  overview: ClientOverview;
  messagingOff: boolean;
  status: ConnectionStatus;
  refresh: () => void;
}

export function ClientHome({ api, outbox, overview, messagingOff, status, refresh }: ClientHomeProps) {
  const [openAppointmentId, setOpenAppointmentId] = useState<number | null>(null);
  /** A conversation the salon started where the client has no appointment, when that is open. */
  const [openConversationId, setOpenConversationId] = useState<number | null>(null);
  const now = useNow();
  useEffect(() => {
    document.title = `${overview.workspaceName} — your appointments and messages`;
  }, [overview.workspaceName]);
  const appointments = sortAppointments(overview.appointments, now);
  const hint = emptyChatHint(appointments, messagingOff);
  // Looked up in the latest overview, so a conversation id learnt by a re-fetch reaches the chat.
  const openAppointment = appointments.find((appointment) => appointment.id === openAppointmentId) ?? null;
  const salonConversations = conversationsWithoutAppointment(overview.conversations, appointments);
  const openConversation = salonConversations.find((conversation) => conversation.id === openConversationId) ?? null;
  const openChat = useCallback(
    (appointment: ClientAppointment) => {
      setOpenAppointmentId(appointment.id);
      setOpenConversationId(null);
      refresh();
    },
    [refresh],
  );
  const openSalonConversation = useCallback(
    (conversationId: number) => {
      setOpenConversationId(conversationId);
      setOpenAppointmentId(null);
      refresh();
    },
    [refresh],
  );

  return (
    <div className="client-page">
      <header className="client-header">
        <div className="client-header__row">
          <p className="client-header__business">{overview.workspaceName}</p>
          <p className="client-header__greeting">Hi, {overview.client.name}</p>
        </div>
        <ConnectionBanner status={status} />
      </header>
      <main className="client-main">
        <section className="client-appointments" aria-labelledby="client-appointments-title">
          <h1 id="client-appointments-title" className="client-appointments__title">
            Your appointments
          </h1>
          {messagingOff && (
            <p className="notice notice--warning" role="status">
              This salon isn't taking messages right now.
            </p>
          )}
          <AppointmentList
            appointments={appointments}
            conversations={overview.conversations}
            openAppointmentId={openAppointmentId}
            onOpenChat={openChat}
          />
          <SalonConversationList conversations={salonConversations} openConversationId={openConversation?.id ?? null} onOpen={openSalonConversation} />
          <ClientNotifications api={api} workspaceName={overview.workspaceName} />
        </section>
        {openAppointment || openConversation ? (
          <ClientChat
            key={(openAppointment ?? openConversation)!.location.id}
            api={api}
            outbox={outbox}
            subject={openAppointment ? { appointment: openAppointment } : { conversation: openConversation! }}
            messagingOff={messagingOff}
            readReceipts={overview.readReceipts}
            onConversationStarted={refresh}
          />
        ) : (
          <section className="client-chat client-chat--empty" aria-label="Messages">
            <div className="empty-state">
              <p className="empty-state__title">{hint.title}</p>
              <p>{hint.text}</p>
            </div>
          </section>
        )}
      </main>
    </div>
  );
}
