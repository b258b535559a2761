// audit:list — the audit log of settings and permission changes, newest first, for owners.
// storage:get — attachment storage against its quota, for the owners' warning banner.
import { ok } from '../../shared/result';
import { STORAGE_WARNING_SHARE } from '../attachments/uploadAllowance';
import type { RealtimeContext } from '../realtime/context';
import type { StaffSocket } from '../realtime/types';

export const AUDIT_PAGE_DEFAULT = 50;

export function registerAuditHandlers(socket: StaffSocket, { repos, config, onStaff }: RealtimeContext): void {
  onStaff(socket, 'audit:list', (payload) =>
    ok(repos.audit.page(payload.beforeId ?? null, payload.limit ?? AUDIT_PAGE_DEFAULT)),
  );
  onStaff(socket, 'storage:get', () => {
    const quotaBytes = config.clientLimits.storageQuotaBytes;
    return ok({ usedBytes: repos.attachments.storedBytes(), quotaBytes, warnAtBytes: Math.floor(quotaBytes * STORAGE_WARNING_SHARE) });
  });
}
