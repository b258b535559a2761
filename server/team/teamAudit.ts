// Team changes go in the audit log with who made them, in the transaction that makes them.
import type { NewAuditEntry } from '../audit/audit.repository';
import type { Clock } from '../clock';
import type { StaffRequestContext } from '../realtime/on';
import type { Repositories } from '../repositories';

export type TeamAudit = ReturnType<typeof createTeamAudit>;

export function createTeamAudit(repos: Repositories, clock: Clock) {
  /** The member making the change, by the name they had when they made it. */
  const actorOf = (context: StaffRequestContext): NewAuditEntry['actor'] => ({ id: context.session.memberId, name: context.memberName });
  return {
    actorOf,
    record(context: StaffRequestContext, entry: Omit<NewAuditEntry, 'at' | 'actor'>): void {
      repos.audit.record({ ...entry, at: clock.now(), actor: actorOf(context) });
    },
  };
}
