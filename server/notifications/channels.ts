// Which delivery channels this server can send (a provider is configured for each), and the rule
// that follows: a channel it cannot send is never switched on for a client (R11), so nobody
// waits for an email or text that can never go.
import { CHANNEL_UNAVAILABLE, type DeliveryChannel, type SendableChannels } from '../../shared/deliveries';
import type { ServerConfig } from '../config';

export const sendableChannels = (config: Pick<ServerConfig, 'email' | 'sms'>): SendableChannels => ({
  email: config.email !== null,
  sms: config.sms !== null,
});

type ChannelSwitches = { email: boolean; sms: boolean };

/** One problem per channel being switched on (off before, on now) that cannot be sent. A channel
 * already on stays allowed, so other changes to the same client still save. */
export function unsendableSwitchOns(
  before: ChannelSwitches,
  after: ChannelSwitches,
  sendable: SendableChannels,
  paths: Record<DeliveryChannel, string>,
  wording: Record<DeliveryChannel, string> = CHANNEL_UNAVAILABLE,
): { path: string; message: string }[] {
  return (['email', 'sms'] as const)
    .filter((channel) => after[channel] && !before[channel] && !sendable[channel])
    .map((channel) => ({ path: paths[channel], message: wording[channel] }));
}

/** The same refusal as clients read it (staff have a manager to ask; clients do not). */
export const CHANNEL_UNAVAILABLE_TO_CLIENTS: Record<DeliveryChannel, string> = {
  email: "This salon doesn't send emails yet. You'll see their replies here.",
  sms: "This salon doesn't send text messages yet. You'll see their replies here.",
};
