// search:query — the inbox search box. Needs Access client chats; only ever searches the
// member's locations (R12), so another location's messages and clients never appear.
import { err, ok } from '../../shared/result';
import { refuseWhileOff } from '../messages/sending';
import type { RealtimeContext } from '../realtime/context';
import type { StaffSocket } from '../realtime/types';
import { toFtsQuery } from './ftsQuery';

export const SEARCH_PAGE_DEFAULT = 20;
const CLIENT_HITS_MAX = 10;

export function registerSearchHandlers(socket: StaffSocket, { repos, search, onStaff }: RealtimeContext): void {
  onStaff(socket, 'search:query', async (payload, { session }) => {
    if (payload.locationId !== undefined && !session.locationIds.includes(payload.locationId)) {
      return err('forbidden', 'You do not work at that location.');
    }
    const off = refuseWhileOff(repos.workspace.settings());
    if (off) return off;
    const ftsQuery = toFtsQuery(payload.query);
    if (ftsQuery === null) return ok({ clients: [], messages: [], nextBeforeMessageId: null, olderMessagesIndexing: false });

    // Messages are indexed shortly after they are stored; a search never misses the newest (a
    // rebuilt index may still be filling in older ones, and the answer says so).
    await search.indexer.caughtUp();
    const scope = { ftsQuery, locationIds: payload.locationId === undefined ? session.locationIds : [payload.locationId] };
    const limit = payload.limit ?? SEARCH_PAGE_DEFAULT;
    const rows = search.repository.messages(scope, payload.beforeMessageId ?? null, limit + 1);
    const messages = rows.slice(0, limit);
    const last = messages[messages.length - 1];
    return ok({
      clients: payload.beforeMessageId === undefined ? search.repository.clients(scope, CLIENT_HITS_MAX) : [],
      messages,
      nextBeforeMessageId: rows.length > limit && last ? last.messageId : null,
      olderMessagesIndexing: !search.repository.indexComplete(),
    });
  });
}
