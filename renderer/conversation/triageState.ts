// The open conversation's status, snooze and assignee as the app last heard them. They arrive
// from several places (the list's copy, pushes, answers to our own changes, a fetch after a
// conflict) in any order; the version decides which is newer.
import type { SharedConversationSummary } from '../../shared/domain';

export type TriageFields = Pick<SharedConversationSummary, 'status' | 'snoozedUntil' | 'assignee' | 'triageVersion'>;

export const triageFieldsOf = ({ status, snoozedUntil, assignee, triageVersion }: TriageFields): TriageFields => ({
  status,
  snoozedUntil,
  assignee,
  triageVersion,
});

/** The newer of two copies; on the same version the one held stays (nothing changed). */
export function newerTriage(held: TriageFields | null, incoming: TriageFields): TriageFields {
  return held && held.triageVersion >= incoming.triageVersion ? held : triageFieldsOf(incoming);
}
