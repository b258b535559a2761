// Why the member is back at sign-in, in the words the sign-in screen shows them.
import type { SessionEndReason as ServerReason } from '../../shared/staffEvents';

/** The server's reasons, and 'refused': the server would not take the session at connect. */
export type SessionEndReason = ServerReason | 'refused';

/** Both of these end the member's quick-switch PIN as well. */
const PIN_CLEARED = 'If you had a quick-switch PIN, it was cleared too: set a new one on your Profile.';

export function sessionEndedNotice(reason: SessionEndReason): string {
  switch (reason) {
    case 'signed-out-everywhere':
      return `A manager signed you out of all devices, so that changes to your access apply. ${PIN_CLEARED} Sign in again to continue.`;
    case 'signed-out':
      return 'You were signed out of this session from another window. Sign in again to continue.';
    case 'password-changed':
      return `Your password was changed, on another computer or by a manager. ${PIN_CLEARED} Sign in with the new password to continue.`;
    case 'deactivated':
      return 'A manager deactivated your account, so you were signed out. Ask a workspace owner or manager if you need access again.';
    case 'expired':
    case 'refused':
      return 'Your session has ended. Sign in again to continue.';
  }
}
