// The audit log as loaded so far: pages merged newest first, each entry once, whatever order
// pages arrive in. The newest page comes again after a reconnect; older pages stay.
import type { AuditEntry } from '../../shared/auditEvents';

export interface AuditLogState {
  entries: AuditEntry[];
  /** Older entries exist beyond the oldest one held. */
  hasMore: boolean;
  loaded: boolean;
  /** Older pages were loaded: their `hasMore` speaks for the end of the list, not the newest page's. */
  pagedOlder: boolean;
}

export type AuditLogAction =
  | { type: 'newest-page'; items: AuditEntry[]; hasMore: boolean }
  | { type: 'older-page'; items: AuditEntry[]; hasMore: boolean };

export const emptyAuditLog: AuditLogState = { entries: [], hasMore: false, loaded: false, pagedOlder: false };

export function mergeAuditPages(held: readonly AuditEntry[], incoming: readonly AuditEntry[]): AuditEntry[] {
  const byId = new Map<number, AuditEntry>();
  for (const entry of [...held, ...incoming]) byId.set(entry.id, entry);
  return [...byId.values()].sort((a, b) => b.id - a.id);
}

export function auditLogReducer(state: AuditLogState, action: AuditLogAction): AuditLogState {
  const entries = mergeAuditPages(state.entries, action.items);
  if (action.type === 'older-page') return { ...state, entries, hasMore: action.hasMore, pagedOlder: true };
  return { ...state, entries, loaded: true, hasMore: state.pagedOlder ? state.hasMore : action.hasMore };
}
