// The conversation's email/text deliveries: loaded on (re)connect and followed live.
import { useEffect, useState } from 'react';
import { useStaff } from '../session/StaffContext';
import { deliveriesFrom, withDelivery, type DeliveriesByMessage } from './deliveries';

export function useDeliveries(conversationId: number): DeliveriesByMessage {
  const { api } = useStaff();
  const [byMessage, setByMessage] = useState<DeliveriesByMessage>(() => new Map());
  useEffect(() => {
    const unsubscribers = [
      api.whenConnected(() => {
        void api.request('delivery:list', { conversationId }).then((result) => {
          if (result.ok) setByMessage((current) => result.data.items.reduce(withDelivery, deliveriesFrom([...current.values()].flat())));
        });
      }),
      api.subscribe('delivery:updated', (delivery) => {
        if (delivery.conversationId === conversationId) setByMessage((current) => withDelivery(current, delivery));
      }),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [api, conversationId]);
  return byMessage;
}
