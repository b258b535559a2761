// A client's own notification preferences (R11), through the client API: in-app always on;
// email and text on or off, each only with a valid address on file (staff keep the details).
import { ownNotificationsOf } from '../../shared/clientProfile';
import { err, ok } from '../../shared/result';
import type { RealtimeContext } from '../realtime/context';
import type { ClientSocket } from '../realtime/types';
import { CHANNEL_UNAVAILABLE_TO_CLIENTS, sendableChannels, unsendableSwitchOns } from '../notifications/channels';
import { deliverableAddress } from '../clientProfile/contactValidation';

export function registerOwnNotificationHandlers(socket: ClientSocket, { repos, clock, config, onClient, pushes }: RealtimeContext): void {
  onClient(socket, 'notifications:get', (_payload, { clientId }) => {
    const profile = repos.clientProfiles.find(clientId);
    return profile ? ok(ownNotificationsOf(profile)) : err('not_found', 'This client no longer exists.');
  });

  onClient(socket, 'notifications:update', (payload, { clientId, afterAck }) => {
    const profile = repos.clientProfiles.find(clientId);
    if (!profile) return err('not_found', 'This client no longer exists.');
    const problems = [];
    if (payload.email && !deliverableAddress.email(profile.email)) {
      problems.push({ path: 'email', message: 'We have no valid email address for you. Ask the salon to add one.' });
    }
    if (payload.sms && !deliverableAddress.sms(profile.mobile, profile.country)) {
      problems.push({ path: 'sms', message: 'We have no valid mobile number for you. Ask the salon to add one.' });
    }
    // A channel the salon's server cannot send is not switched on.
    problems.push(...unsendableSwitchOns(profile.notifications, payload, sendableChannels(config), { email: 'email', sms: 'sms' }, CHANNEL_UNAVAILABLE_TO_CLIENTS));
    if (problems.length > 0) return err('bad_request', problems[0]?.message ?? 'Check your choices.', problems);
    const change = { name: profile.name, mobile: profile.mobile, email: profile.email, emailNotifications: payload.email, smsNotifications: payload.sms };
    // The client's own change is never stale: it is about two switches, and the latest wins.
    const outcome = repos.clientProfiles.update(clientId, change, profile.version, null, clock.now());
    if (outcome.kind === 'missing') return err('not_found', 'This client no longer exists.');
    if (outcome.kind === 'conflict' || outcome.kind === 'unchanged') return ok(ownNotificationsOf(outcome.current));
    afterAck(() => pushes.clientProfileUpdated(repos.clientProfiles.locationIds(clientId), outcome.after));
    return ok(ownNotificationsOf(outcome.after));
  });
}
