// The conversation's email/text deliveries: loaded on (re)connect and followed live, and a failed
// one sent again on request (the server sends it once however often Retry is pressed).
import { useCallback, useEffect, useState } from 'react';
import type { DeliveryChannel } from '../../shared/deliveries';
import { describeError } from '../api/errors';
import { useStaff } from '../session/StaffContext';
import { deliveriesFrom, withDelivery, type DeliveriesByMessage } from './deliveries';

const key = (messageId: number, channel: DeliveryChannel) => `${messageId}:${channel}`;

export function useDeliveries(conversationId: number) {
  const { api } = useStaff();
  const [byMessage, setByMessage] = useState<DeliveriesByMessage>(() => new Map());
  const [retrying, setRetrying] = useState<ReadonlySet<string>>(() => new Set());
  const [retryError, setRetryError] = useState<string | null>(null);
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

  const retry = useCallback(
    async (messageId: number, channel: DeliveryChannel) => {
      const id = key(messageId, channel);
      setRetrying((current) => new Set(current).add(id));
      setRetryError(null);
      const result = await api.request('delivery:retry', { messageId, channel });
      setRetrying((current) => {
        const next = new Set(current);
        next.delete(id);
        return next;
      });
      if (result.ok) setByMessage((current) => withDelivery(current, result.data));
      else setRetryError(describeError(result.error));
    },
    [api],
  );
  const isRetrying = useCallback((messageId: number, channel: DeliveryChannel) => retrying.has(key(messageId, channel)), [retrying]);

  return { byMessage, retry, isRetrying, retryError };
}
