// How the staff-only events of a conversation read in its timeline ("Priya assigned this to
// Marcus"), and how a change refused because of one reads ("… before your change reached the
// server — yours was not applied").
import type { ConversationEvent } from '../../shared/triageEvents';
import { formatSnoozeTime } from './snoozePresets';

export interface WordingContext {
  clientName: string;
  /** The conversation's location's zone, in which snooze times are read. */
  timeZone: string;
  now: number;
}

const whoOf = (event: ConversationEvent) => event.actor?.name ?? 'Someone';

export function eventText(event: ConversationEvent, context: WordingContext): string {
  const who = whoOf(event);
  switch (event.kind) {
    case 'assigned':
      if (!event.assignee) return `${who} assigned this`;
      if (event.actor && event.actor.id === event.assignee.id) return `${who} took this`;
      return event.actor ? `${who} assigned this to ${event.assignee.name}` : `Assigned to ${event.assignee.name}`;
    case 'unassigned':
      return event.actor ? `${who} unassigned this` : 'Unassigned';
    case 'done':
      return `${who} marked this done`;
    case 'reopened':
      return event.cause === 'client-message' ? `Reopened: ${context.clientName} wrote` : `${who} reopened this`;
    case 'snoozed':
      return event.snoozedUntil === null
        ? `${who} snoozed this`
        : `${who} snoozed this until ${formatSnoozeTime(event.snoozedUntil, context.now, context.timeZone)}`;
    case 'unsnoozed':
      return event.cause === 'snooze-ended' ? 'Snooze ended' : `${who} ended the snooze`;
  }
}

const NOT_APPLIED = 'before your change reached the server — yours was not applied.';

/** Why a change made on this device was not applied: the event that overtook it, if known. */
export function conflictText(overtakenBy: ConversationEvent | null, context: WordingContext): string {
  if (!overtakenBy) return `Someone changed this conversation ${NOT_APPLIED}`;
  if (overtakenBy.kind === 'reopened' && overtakenBy.cause === 'client-message') {
    return `${context.clientName} wrote and the conversation reopened ${NOT_APPLIED}`;
  }
  if (overtakenBy.kind === 'unsnoozed' && overtakenBy.cause === 'snooze-ended') return `The snooze ended ${NOT_APPLIED}`;
  return `${eventText(overtakenBy, context)} ${NOT_APPLIED}`;
}
