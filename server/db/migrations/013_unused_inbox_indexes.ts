// Migration 13: two indexes fewer to keep up on every message. The inbox pages of several
// locations now merge each location's walk of conversations_by_location_activity (or its
// unread twin) instead of walking all locations' activity, so conversations_by_activity and
// conversations_unread_by_activity serve no query; yet every message moved its conversation's
// entry in both (a random page of each in the commit). Append-only once landed.
export const unusedInboxIndexes = `
DROP INDEX conversations_by_activity;
DROP INDEX conversations_unread_by_activity;
`;
