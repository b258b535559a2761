// The client profile editor's pure parts: a draft from the saved profile, and the server's
// field-level problems (R11) keyed by field.
import type { ClientProfile, ClientProfileEdit } from '../../shared/clientProfile';
import { formatPhoneNumber } from '../ui/phoneNumber';

export type ClientProfileField = keyof ClientProfileEdit;
export type FieldErrors = Partial<Record<ClientProfileField, string>>;

const FIELDS: readonly ClientProfileField[] = ['name', 'mobile', 'email', 'emailNotifications', 'smsNotifications'];

export function draftOf(profile: ClientProfile): ClientProfileEdit {
  return {
    name: profile.name,
    // As people write it; the server reads it in the workspace's country again on save.
    mobile: profile.mobile === null ? '' : formatPhoneNumber(profile.mobile, profile.country),
    email: profile.email ?? '',
    emailNotifications: profile.notifications.email,
    smsNotifications: profile.notifications.sms,
  };
}

/** `details` of a bad_request: [{ path, message }]; a zod path may carry the "profile." prefix. */
export function fieldErrorsOf(details: unknown): FieldErrors {
  if (!Array.isArray(details)) return {};
  const errors: FieldErrors = {};
  for (const detail of details as unknown[]) {
    if (typeof detail !== 'object' || detail === null) continue;
    const { path, message } = detail as { path?: unknown; message?: unknown };
    if (typeof path !== 'string' || typeof message !== 'string') continue;
    const field = FIELDS.find((name) => path === name || path.endsWith(`.${name}`));
    if (field && !errors[field]) errors[field] = message;
  }
  return errors;
}

/** How a channel reads in the panel. */
export const channelSummary = (on: boolean, address: string | null): string =>
  on ? `On${address ? ` (${address})` : ''}` : 'Off';
