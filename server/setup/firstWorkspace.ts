// The first workspace of an empty database and its owner, however it is asked for: the
// INBOX_OWNER_* variables at start-up, or the desktop app's first-run screen.
import type { Repositories } from '../repositories';

export type FirstWorkspace = {
  workspaceName: string;
  country: string;
  /** A first location, or none (the booking system sends them). */
  locationName: string | null;
  owner: { name: string; email: string; passwordHash: string };
};

/** Creates it all in one transaction; null if the database already has a workspace. */
export function createFirstWorkspace(repos: Repositories, first: FirstWorkspace, now: number): { ownerId: number } | null {
  return repos.transaction(() => {
    if (repos.workspace.get() !== null) return null;
    repos.workspace.create(first.workspaceName, first.country);
    if (first.locationName !== null) repos.workspace.createLocation(first.locationName);
    const ownerId = repos.team.createMember({ ...first.owner, role: 'owner', groupId: null }, now, []);
    return { ownerId };
  });
}
