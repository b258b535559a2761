// The line on the PIN card saying where the member's PIN stands, including why it was cleared
// when a password change or a sign-out everywhere took it away.
import type { PinClearReason, PinStatus } from '../../shared/reception';

const CLEARED_BECAUSE: Record<PinClearReason, string> = {
  'password-reset': 'a manager set a new password for you',
  'signed-out-everywhere': 'a manager signed you out of all devices',
  'password-changed': 'your password was changed',
  deactivated: 'a manager deactivated your account',
};

export function pinStatusText(status: PinStatus | null): string {
  if (status === null) return '';
  if (status.locked) return 'Your PIN is locked after too many wrong tries. Signing in with your email and password unlocks it.';
  if (status.hasPin) return 'You have a PIN.';
  if (status.cleared) return `Your PIN was cleared because ${CLEARED_BECAUSE[status.cleared.reason]}. Set a new one to use quick switching again.`;
  return "You haven't set a PIN yet.";
}
