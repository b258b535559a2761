// The new-conversation form's state: the picked client and what may be chosen for them
// (conversation:start-options), the location, an optional appointment, the text, and sending
// with conversation:start. One sender message id per message: a send retried after a lost
// answer (the connection dropped) is stored once, and the answer names the conversation.
import { useCallback, useEffect, useState } from 'react';
import type { FoundClient, StartLocation } from '../../shared/conversationStart';
import { describeError } from '../api/errors';
import { useStaff } from '../session/StaffContext';

export interface NewConversation {
  client: FoundClient | null;
  pick: (client: FoundClient | null) => void;
  /** The member's locations with the client's conversation and appointments there. */
  locations: StartLocation[] | null;
  locationId: number | null;
  setLocationId: (id: number) => void;
  appointmentId: number | null;
  setAppointmentId: (id: number | null) => void;
  text: string;
  setText: (text: string) => void;
  sending: boolean;
  error: string | null;
  send: () => Promise<void>;
}

export function useNewConversation(initialClient: FoundClient | null, onStarted: (conversationId: number) => void): NewConversation {
  const { api, session } = useStaff();
  const [client, setClient] = useState<FoundClient | null>(initialClient);
  const [locations, setLocations] = useState<StartLocation[] | null>(null);
  const [locationId, setLocationId] = useState<number | null>(session.locations.length === 1 ? (session.locations[0]?.id ?? null) : null);
  const [appointmentId, setAppointmentId] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [senderMessageId, setSenderMessageId] = useState(() => crypto.randomUUID());

  const clientId = client?.client.id ?? null;
  useEffect(() => {
    if (clientId === null) return undefined;
    let current = true;
    void api.request('conversation:start-options', { clientId }).then((result) => {
      if (!current) return;
      setLocations(result.ok ? result.data.locations : null);
      if (!result.ok) setError(describeError(result.error));
    });
    return () => {
      current = false;
    };
  }, [api, clientId]);

  const pick = useCallback((next: FoundClient | null) => {
    setClient(next);
    setLocations(null);
    setAppointmentId(null);
    setError(null);
  }, []);
  const chooseLocation = useCallback((id: number) => {
    setLocationId(id);
    setAppointmentId(null);
  }, []);
  const edit = useCallback((next: string) => {
    setText(next);
    // Different words are a different message: a new id, so it is never taken for a retry.
    setSenderMessageId(crypto.randomUUID());
  }, []);

  const send = useCallback(async () => {
    if (clientId === null) return setError('Choose a client to write to.');
    if (locationId === null) return setError('Choose a location.');
    if (text.trim() === '') return setError('Write a message.');
    setSending(true);
    setError(null);
    const result = await api.request('conversation:start', {
      clientId,
      locationId,
      ...(appointmentId !== null ? { appointmentId } : {}),
      senderMessageId,
      text: text.trim(),
    });
    setSending(false);
    if (!result.ok) return setError(`Your message wasn't sent. ${describeError(result.error)}`);
    onStarted(result.data.conversationId);
  }, [api, clientId, locationId, appointmentId, senderMessageId, text, onStarted]);

  return { client, pick, locations, locationId, setLocationId: chooseLocation, appointmentId, setAppointmentId, text, setText: edit, sending, error, send };
}
