// The one place that decides whether a new client message becomes a desktop notification,
// and how it looks. Used by Electron's main process and by the browser bridge, so the desktop
// and the web app follow the member's preferences (R10) the same way.
import type { NotificationPrefs, QuietHours } from './profile';

export interface NotificationSituation {
  prefs: NotificationPrefs;
  /** Location of the message's conversation. */
  locationId: number;
  /** The conversation is the one open in the app. */
  conversationOpen: boolean;
  /** The app's window has the focus. */
  windowFocused: boolean;
  /** Minutes after local midnight now. */
  minuteOfDay: number;
  /** The reception screen is locked: nobody is looking, and nothing private may show. */
  locked: boolean;
  /** A client message (default), a conversation a colleague assigned to the member, or a note
   * that mentions them; the last two follow the same rules and can each be turned off alone. */
  about?: 'message' | 'assignment' | 'mention';
}

export type NotificationDecision =
  | { notify: false; reason: 'off' | 'muted-location' | 'looking' | 'quiet-hours' }
  | {
      notify: true;
      silent: boolean;
      /** Show the message text (else "New message"). */
      preview: boolean;
      /** Show who wrote (else a generic title). */
      showSender: boolean;
    };

export const GENERIC_BODY = 'New message';
export const GENERIC_TITLE = 'New client message';
/** A locked reception screen names nobody and quotes nothing. */
export const LOCKED_BODY = 'Unlock the screen to read it.';

export function inQuietHours(minuteOfDay: number, hours: QuietHours | null): boolean {
  if (!hours) return false;
  // 22:00–07:00 wraps past midnight; 12:00–13:00 does not.
  return hours.start < hours.end
    ? minuteOfDay >= hours.start && minuteOfDay < hours.end
    : minuteOfDay >= hours.start || minuteOfDay < hours.end;
}

export function decideNotification(situation: NotificationSituation): NotificationDecision {
  const { prefs } = situation;
  if (!prefs.desktop) return { notify: false, reason: 'off' };
  if (situation.about === 'assignment' && !prefs.assignments) return { notify: false, reason: 'off' };
  if (situation.about === 'mention' && !prefs.mentions) return { notify: false, reason: 'off' };
  if (prefs.mutedLocationIds.includes(situation.locationId)) return { notify: false, reason: 'muted-location' };
  // A locked screen hides the open conversation, so nobody is reading it.
  if (situation.conversationOpen && situation.windowFocused && !situation.locked) return { notify: false, reason: 'looking' };
  if (inQuietHours(situation.minuteOfDay, prefs.quietHours)) return { notify: false, reason: 'quiet-hours' };
  // "Show message text" is about client messages; an assignment or a mention quotes none.
  const preview = (situation.about === 'assignment' || situation.about === 'mention' || prefs.showPreview) && !situation.locked;
  return { notify: true, silent: !prefs.sound, preview, showSender: !situation.locked };
}

/** Title and body of a notification the decision allows. */
export function notificationText(
  decision: Extract<NotificationDecision, { notify: true }>,
  message: { title: string; body: string },
): { title: string; body: string } {
  return {
    title: decision.showSender ? message.title : GENERIC_TITLE,
    body: decision.preview ? message.body : decision.showSender ? GENERIC_BODY : LOCKED_BODY,
  };
}

export const minuteOfDayOf = (date: Date): number => date.getHours() * 60 + date.getMinutes();

/** What the renderer tells whoever shows the notification (see DesktopNotification). */
export type NotificationRequestFacts = Pick<NotificationSituation, 'prefs' | 'locationId' | 'conversationOpen' | 'locked' | 'about'>;

/** The decision where the notification is shown, which alone knows the window focus and the clock. */
export function decideForRequest(request: NotificationRequestFacts, windowFocused: boolean, now: Date): NotificationDecision {
  const { prefs, locationId, conversationOpen, locked, about } = request;
  return decideNotification({ prefs, locationId, conversationOpen, locked, about, windowFocused, minuteOfDay: minuteOfDayOf(now) });
}
