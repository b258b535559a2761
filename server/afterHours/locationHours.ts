// Managers' edits of a location's opening hours and after-hours reply: only at locations they
// work at (another one answers like a missing location), based on the version they read (a
// stale save is a conflict carrying the current state, and nothing changes), audited.
import type { LocationHours } from '../../shared/openingHours';
import type { LocationHoursState } from '../../shared/openingHoursEvents';
import { err, ok, type Result } from '../../shared/result';
import type { Repositories } from '../repositories';
import { locationTimeZone } from '../workspace/locationTimeZone';

export const LOCATION_NOT_FOUND = 'This location does not exist.';

export function locationHoursState(repos: Repositories, location: { id: number; name: string }): LocationHoursState {
  const stored = repos.afterHours.find(location.id);
  return {
    locationId: location.id,
    locationName: location.name,
    timeZone: locationTimeZone(repos, location.id),
    settings: stored.settings,
    version: stored.version,
    updatedAt: stored.updatedAt,
  };
}

export type LocationHoursEdit = {
  locationId: number;
  settings: LocationHours;
  baseVersion: number;
  actor: { id: number; name: string };
  /** Whether the actor may reply to clients: the automatic reply is sent in their name. */
  actorMayReply: boolean;
  locationIds: readonly number[];
  now: number;
};

const sameSettings = (a: LocationHours, b: LocationHours) => JSON.stringify(a) === JSON.stringify(b);

export function saveLocationHours(repos: Repositories, edit: LocationHoursEdit): Result<LocationHoursState> {
  const location = edit.locationIds.includes(edit.locationId) ? repos.workspace.locationsByIds([edit.locationId])[0] : undefined;
  if (!location) return err('not_found', LOCATION_NOT_FOUND);
  return repos.transaction(() => {
    const current = locationHoursState(repos, location);
    if (current.version !== edit.baseVersion) {
      return err('conflict', 'Someone else saved these opening hours since you opened them. Review them and save again.', current);
    }
    if (sameSettings(current.settings, edit.settings)) return ok(current);
    // The reply goes out in the name of whoever last set it; changing only the hours keeps it.
    const replyChanged = JSON.stringify(current.settings.reply) !== JSON.stringify(edit.settings.reply);
    const author = replyChanged ? null : repos.afterHours.find(location.id).replyAuthorId;
    if (author === null && edit.settings.reply.enabled && !edit.actorMayReply) {
      const message = 'Only a member who may reply to clients can turn on or change the automatic reply: it is sent in their name.';
      return err('forbidden', message, [{ path: 'settings.reply.enabled', message }]);
    }
    repos.afterHours.save(location.id, edit.settings, author ?? edit.actor.id, edit.now);
    const saved = locationHoursState(repos, location);
    repos.audit.record({
      at: edit.now,
      actor: edit.actor,
      action: 'settings.update',
      subject: `Opening hours and after-hours reply of ${location.name}`,
      before: current.settings,
      after: saved.settings,
    });
    return ok(saved);
  });
}
