// The demo salon's cast and conversations. Times are offsets from the moment of seeding, so
// the demo always has upcoming appointments and recent messages; appointments are then moved
// into salon hours (see salonHours.ts).
import type { AppointmentStatus } from '../../shared/domain';
import type { GroupGrants } from '../../shared/permissions';

export const DEMO_WORKSPACE = { name: 'Lumen Hair Studio', country: 'GB' };
export const DEMO_LOCATIONS = { soho: 'Lumen Soho', shoreditch: 'Lumen Shoreditch' } as const;
export type DemoLocationKey = keyof typeof DEMO_LOCATIONS;

const grants = (accessChats: boolean, replyChats: boolean, manage: boolean): GroupGrants => ({
  accessChats,
  replyChats,
  manageSettings: manage,
  manageTeam: manage,
});

export const DEMO_GROUPS = {
  managers: { name: 'Managers', grants: grants(true, true, true) },
  frontDesk: { name: 'Front desk', grants: grants(true, true, false) },
  stylists: { name: 'Stylists', grants: grants(true, false, false) },
  trainees: { name: 'Reception trainee', grants: grants(false, false, false) },
} as const;
export type DemoGroupKey = keyof typeof DEMO_GROUPS;

export const DEMO_PASSWORD = 'lumen-demo';

type DemoMember = {
  name: string;
  email: string;
  role: 'owner' | 'member';
  /** Owners are in no group: they can do everything. */
  group: DemoGroupKey | null;
  locations: DemoLocationKey[];
  who: string;
};

export const DEMO_MEMBERS = {
  owner: { name: 'Olivia Bennett', email: 'olivia@lumen.example', role: 'owner', group: null, locations: ['soho', 'shoreditch'], who: 'Workspace owner: everything, both locations' },
  priya: { name: 'Priya Shah', email: 'priya@lumen.example', role: 'member', group: 'frontDesk', locations: ['soho'], who: 'Front desk at Soho: read and reply' },
  marcus: { name: 'Marcus Reid', email: 'marcus@lumen.example', role: 'member', group: 'frontDesk', locations: ['soho', 'shoreditch'], who: 'Front desk at both locations: read and reply' },
  sofia: { name: 'Sofia Marin', email: 'sofia@lumen.example', role: 'member', group: 'stylists', locations: ['soho'], who: 'Stylist at Soho: can read chats, cannot reply' },
  tom: { name: 'Tom Hughes', email: 'tom@lumen.example', role: 'member', group: 'trainees', locations: ['shoreditch'], who: 'Reception trainee at Shoreditch: no chat access' },
} as const satisfies Record<string, DemoMember>;
export type DemoMemberKey = keyof typeof DEMO_MEMBERS;

/** Sign-in details for the README and the start-up hint. */
export const DEMO_LOGINS = Object.values(DEMO_MEMBERS).map((member) => ({
  email: member.email,
  password: DEMO_PASSWORD,
  who: `${member.name} — ${member.who}`,
}));

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type DemoAppointment = {
  location: DemoLocationKey;
  service: string;
  stylist: DemoMemberKey | null;
  inMs: number;
  status: AppointmentStatus;
};
type DemoClient = { name: string; mobile: string; email: string; appointments: DemoAppointment[] };

export const DEMO_CLIENTS = {
  ava: { name: 'Ava Thompson', mobile: '+447400900101', email: 'ava@example.com', appointments: [{ location: 'soho', service: 'Cut & blow-dry', stylist: 'sofia', inMs: DAY + 2 * HOUR, status: 'confirmed' }] },
  noah: { name: 'Noah Williams', mobile: '+447400900102', email: 'noah@example.com', appointments: [{ location: 'soho', service: 'Skin fade', stylist: 'sofia', inMs: 3 * DAY, status: 'confirmed' }] },
  mia: { name: 'Mia Patel', mobile: '+447400900103', email: 'mia@example.com', appointments: [{ location: 'shoreditch', service: 'Balayage', stylist: null, inMs: 2 * DAY + 4 * HOUR, status: 'confirmed' }] },
  leo: { name: 'Leo Garcia', mobile: '+447400900104', email: 'leo@example.com', appointments: [{ location: 'shoreditch', service: 'Beard trim', stylist: null, inMs: 5 * DAY, status: 'booked' }] },
  isla: { name: 'Isla Brown', mobile: '+447400900105', email: 'isla@example.com', appointments: [{ location: 'soho', service: 'Colour refresh', stylist: 'sofia', inMs: 4 * DAY, status: 'cancelled' }] },
  ethan: { name: 'Ethan Clarke', mobile: '+447400900106', email: 'ethan@example.com', appointments: [{ location: 'shoreditch', service: 'Classic cut', stylist: null, inMs: 6 * HOUR, status: 'confirmed' }] },
  grace: { name: 'Grace Kim', mobile: '+447400900107', email: 'grace@example.com', appointments: [{ location: 'soho', service: 'Keratin treatment', stylist: 'sofia', inMs: 7 * DAY, status: 'confirmed' }] },
  oscar: {
    name: 'Oscar Davies',
    mobile: '+447400900108',
    email: 'oscar@example.com',
    appointments: [
      { location: 'shoreditch', service: 'Classic cut', stylist: null, inMs: -7 * DAY, status: 'completed' },
      { location: 'shoreditch', service: 'Classic cut', stylist: null, inMs: 10 * DAY, status: 'confirmed' },
    ],
  },
} as const satisfies Record<string, DemoClient>;
export type DemoClientKey = keyof typeof DEMO_CLIENTS;

/** One line of a scripted conversation: who says it, how long ago. Staff lines name the member.
 * `attachment` names a generated demo image sent with the line. */
export type ScriptLine = { from: 'client' | DemoMemberKey; agoMs: number; text: string; attachment?: string };
export type DemoConversation = {
  client: DemoClientKey;
  location: DemoLocationKey;
  /** Index into the client's appointments that client messages were sent from. */
  appointment: number;
  lines: ScriptLine[];
  /** The business has read client messages up to (not including) this many trailing lines. */
  unreadClientLines: number;
};

export const DEMO_CONVERSATIONS: DemoConversation[] = [
  {
    client: 'ava', location: 'soho', appointment: 0, unreadClientLines: 2,
    lines: [
      { from: 'client', agoMs: 26 * HOUR, text: 'Hi! Is there parking near the Soho salon?' },
      { from: 'priya', agoMs: 25 * HOUR, text: 'Hi Ava, there is a car park on Brewer Street, two minutes away.' },
      { from: 'client', agoMs: 40 * MINUTE, text: 'Great, thanks. Could Sofia also trim my fringe tomorrow?' },
      { from: 'client', agoMs: 38 * MINUTE, text: 'Happy to pay extra if needed.' },
    ],
  },
  {
    client: 'mia', location: 'shoreditch', appointment: 0, unreadClientLines: 1,
    lines: [
      { from: 'client', agoMs: 3 * HOUR, text: 'Hello, how long does a balayage usually take?' },
      { from: 'marcus', agoMs: 2 * HOUR + 50 * MINUTE, text: 'Hi Mia, plan for about three hours including toning.' },
      { from: 'client', agoMs: 12 * MINUTE, text: 'Perfect. Here is a photo of the colour I would like.', attachment: 'colour-inspiration.png' },
    ],
  },
  {
    client: 'isla', location: 'soho', appointment: 0, unreadClientLines: 0,
    lines: [
      { from: 'client', agoMs: 2 * DAY, text: 'Sorry, I had to cancel my colour refresh. Can we find a new date?' },
      { from: 'owner', agoMs: 2 * DAY - HOUR, text: 'No problem, Isla. We have Saturday morning free — shall I book it?' },
    ],
  },
  {
    client: 'ethan', location: 'shoreditch', appointment: 0, unreadClientLines: 0,
    lines: [
      { from: 'client', agoMs: 5 * HOUR, text: 'Running ten minutes late today, sorry!' },
      { from: 'marcus', agoMs: 5 * HOUR - 5 * MINUTE, text: 'Thanks for letting us know, see you soon.' },
    ],
  },
  {
    client: 'oscar', location: 'shoreditch', appointment: 1, unreadClientLines: 1,
    lines: [
      { from: 'client', agoMs: 6 * DAY, text: 'Thanks for last week, the cut was great.' },
      { from: 'marcus', agoMs: 6 * DAY - 2 * HOUR, text: 'Glad you liked it, Oscar!' },
      { from: 'client', agoMs: 3 * HOUR, text: 'Could I move my next appointment to the afternoon?' },
    ],
  },
];

const LONG_THREAD_CLIENT_LINES = [
  'Quick question about aftercare.',
  'Which shampoo did you use last time?',
  'Is the product in stock at the salon?',
  'Thanks, that helps a lot.',
  'Could I add a wash to my booking?',
];
const LONG_THREAD_STAFF_LINES = [
  'Of course, happy to help.',
  'We used the sulphate-free one from our shelf.',
  'Yes, we have it at the front desk.',
  'You are welcome!',
  'Done, the wash is added.',
];

/** Noah's long thread (160 messages over 20 days), so history paging has something to page. */
export function longThread(): DemoConversation {
  const count = 160;
  const lines: ScriptLine[] = Array.from({ length: count }, (_, index) => {
    // Alternate, ending with a client message so the thread shows as unread.
    const fromClient = (count - index) % 2 === 1;
    const pool = fromClient ? LONG_THREAD_CLIENT_LINES : LONG_THREAD_STAFF_LINES;
    return {
      from: fromClient ? 'client' : index % 4 === 0 ? 'priya' : 'marcus',
      agoMs: (count - index) * 3 * HOUR,
      text: `${pool[Math.floor(index / 2) % pool.length]} (#${index + 1})`,
    };
  });
  return { client: 'noah', location: 'soho', appointment: 0, lines, unreadClientLines: 1 };
}
