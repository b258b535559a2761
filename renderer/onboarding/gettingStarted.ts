// What a new, empty inbox says. Owners and managers get the steps that fill it — the booking
// system brings the clients, the team answers them, Client Connect lets clients write — each
// with where in the app to do it; everyone else is simply told there is nothing yet.
import { can, type Grants } from '../../shared/permissions';
import { routeHref } from '../app/route';

export type GettingStartedStep = {
  id: 'booking-system' | 'team' | 'client-connect';
  title: string;
  text: string;
  /** Where to do it in the app; null when it is done outside the app. */
  link: { href: string; label: string } | null;
  done: boolean;
};

/** The checklist for members who set the workspace up, or null for everyone else. */
export function gettingStartedSteps(grants: Grants, messagingEnabled: boolean): GettingStartedStep[] | null {
  const manageTeam = can(grants, 'team.manage');
  const manageSettings = can(grants, 'settings.manage');
  if (!manageTeam && !manageSettings) return null;
  return [
    {
      id: 'booking-system',
      title: 'Connect your booking system',
      text: 'It sends your locations, clients and their appointments here. Whoever looks after your server gives your booking system the inbox’s integration key.',
      link: null,
      done: false,
    },
    {
      id: 'team',
      title: 'Add your team',
      text: 'Give each person a sign-in, a permission group and the locations they work at.',
      link: manageTeam ? { href: routeHref({ screen: 'settings', section: 'team' }), label: 'Open Team settings' } : null,
      done: false,
    },
    {
      id: 'client-connect',
      title: 'Turn on Client Connect',
      text: messagingEnabled
        ? 'It is on: clients can message you from their appointments. Choose the contact button, read receipts and typing indicator.'
        : 'While it is off, clients cannot message you.',
      link: manageSettings ? { href: routeHref({ screen: 'settings', section: 'messages' }), label: 'Open Messages settings' } : null,
      done: messagingEnabled,
    },
  ];
}
