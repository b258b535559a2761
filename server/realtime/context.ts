// What socket handlers receive: the server's dependencies plus the request wrappers and pushes.
import type { ServerDeps } from '../deps';
import type { ClientLimits } from '../limits/clientLimits';
import type { GroupCommit } from '../messages/groupCommit';
import type { Search } from '../search/search';
import type { Snoozes } from '../triage/snoozes';
import type { ClientOn, StaffOn } from './on';
import type { Pushes } from './pushes';

export type RealtimeContext = ServerDeps & {
  onStaff: StaffOn;
  onClient: ClientOn;
  pushes: Pushes;
  /** Batches message writes into shared transactions (see messages/groupCommit.ts). */
  writes: GroupCommit;
  search: Search;
  /** Ends snoozes at their time; re-armed after each snooze change. */
  snoozes: Snoozes;
  /** Per-link message and upload limits of clients (never staff). */
  clientLimits: ClientLimits;
};
