// audit:list — the audit log of settings and permission changes, newest first, for owners.
import { ok } from '../../shared/result';
import type { RealtimeContext } from '../realtime/context';
import type { StaffSocket } from '../realtime/types';

export const AUDIT_PAGE_DEFAULT = 50;

export function registerAuditHandlers(socket: StaffSocket, { repos, onStaff }: RealtimeContext): void {
  onStaff(socket, 'audit:list', (payload) =>
    ok(repos.audit.page(payload.beforeId ?? null, payload.limit ?? AUDIT_PAGE_DEFAULT)),
  );
}
