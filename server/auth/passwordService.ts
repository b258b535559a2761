// Putting a new password in place of the one just checked, for both ways it happens: a member
// changing their own (their other sessions end) and a manager setting a forgotten one (every
// session ends, audited). Either way the member's quick-switch PIN ends too: whoever learned
// the old password may have learned the PIN with it.
import type { PinClearReason } from '../../shared/reception';
import type { NewAuditEntry } from '../audit/audit.repository';
import type { Clock } from '../clock';
import type { Repositories } from '../repositories';

export type PasswordReplacement = {
  memberId: number;
  /** The stored hash the caller checked (or read) before its awaits. */
  checkedHash: string;
  newHash: string;
  pinClearReason: PinClearReason;
  /** The session that made the change stays signed in; null ends every session. */
  keepSessionId: number | null;
  /** Who to record in the audit log, and as what (never the password, nor its hash). */
  audit: { actor: NewAuditEntry['actor']; subject: string } | null;
};

export type ReplacedPassword = { endedSessionIds: number[]; pinCleared: boolean };

export type PasswordService = ReturnType<typeof createPasswordService>;

export function createPasswordService(repos: Repositories, clock: Clock) {
  return {
    /** Null, changing nothing, when the password changed while the new one was hashed: the
     * newer one stays. Otherwise the sessions that ended, for the caller to tell them why. */
    replace(replacement: PasswordReplacement): ReplacedPassword | null {
      const { memberId, keepSessionId, audit } = replacement;
      return repos.transaction(() => {
        if (!repos.team.replacePasswordHash(memberId, replacement.checkedHash, replacement.newHash)) return null;
        const now = clock.now();
        const endedSessionIds =
          keepSessionId === null ? repos.sessions.revokeAllOfMember(memberId, now) : repos.sessions.revokeOthersOfMember(memberId, keepSessionId, now);
        const pinCleared = repos.reception.clearPin(memberId, replacement.pinClearReason, now);
        if (audit) {
          repos.audit.record({
            at: now,
            actor: audit.actor,
            action: 'member.setPassword',
            subject: audit.subject,
            before: null,
            after: { endedSessions: endedSessionIds.length, pinCleared },
          });
        }
        return { endedSessionIds, pinCleared };
      });
    },
  };
}
