// Room names. A push goes to the rooms whose members may see it, never wider.
export const rooms = {
  /** Staff with chat access at a location (default namespace). */
  location: (locationId: number) => `location:${locationId}`,
  /** Every socket signed in with one staff session, so sign-out can end them. */
  session: (sessionId: number) => `session:${sessionId}`,
  /** Every device a team member is signed in on (their own preferences). */
  member: (memberId: number) => `member:${memberId}`,
  /** Every socket whose session may manage the team (Settings → Team stays current). */
  teamManagers: () => 'team-managers',
  /** A client's sockets ("/client" namespace). */
  client: (clientId: number) => `client:${clientId}`,
};
