import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../shared/deliveries';
import { deliveriesFrom, deliveryLabel, withDelivery } from './deliveries';

const delivery = (changes: Partial<Delivery>): Delivery => ({
  messageId: 5,
  conversationId: 1,
  channel: 'email',
  state: 'sending',
  attempts: 1,
  lastError: null,
  nextAttemptAt: null,
  updatedAt: 10,
  ...changes,
});

describe('deliveries in the conversation', () => {
  it('keeps the newest state per message and channel', () => {
    let byMessage = deliveriesFrom([delivery({ channel: 'sms' }), delivery({})]);
    expect(byMessage.get(5)?.map((d) => d.channel)).toEqual(['email', 'sms']);
    byMessage = withDelivery(byMessage, delivery({ state: 'sent', updatedAt: 20 }));
    byMessage = withDelivery(byMessage, delivery({ state: 'sending', updatedAt: 15 }));
    expect(byMessage.get(5)?.[0]?.state).toBe('sent');
  });

  it('words each state for the desk', () => {
    expect(deliveryLabel(delivery({ state: 'sent' }))).toBe('Email: sent');
    expect(deliveryLabel(delivery({ channel: 'sms', state: 'retrying' }))).toBe('Text: not sent yet, retrying');
    expect(deliveryLabel(delivery({ state: 'failed', lastError: 'The email server answered 550 No such mailbox' }))).toBe(
      'Email: failed (The email server answered 550 No such mailbox)',
    );
  });
});
