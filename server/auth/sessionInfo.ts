// Builds what the renderer learns about its session: who, what they may do, where, and the
// workspace's current settings.
import type { SessionInfo } from '../../shared/domain';
import type { Grants } from '../../shared/permissions';
import type { Repositories } from '../repositories';
import { locationTimeZone } from '../workspace/locationTimeZone';

export function buildSessionInfo(
  repos: Repositories,
  session: { memberId: number; grants: Grants; locationIds: readonly number[] },
): SessionInfo | null {
  const member = repos.team.memberById(session.memberId);
  const workspace = repos.workspace.get();
  if (!member || !workspace) return null;
  return {
    member,
    grants: session.grants,
    locations: repos.workspace.locationsByIds(session.locationIds).map((location) => ({
      ...location,
      timeZone: locationTimeZone(repos, location.id),
    })),
    workspace,
  };
}
