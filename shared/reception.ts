// Quick staff switching on a shared reception computer: PINs, reception devices and PIN
// sign-in, over HTTP like the password sign-in (routes and bodies below; errors are the usual
// `{ error: AppError }`).
import { z } from 'zod';
import { idSchema, locationSchema, timestampSchema } from './domain';

export const receptionRoutes = {
  /** GET with Bearer session: whether the member has a PIN and whether it is locked. */
  pinStatus: '/api/reception/pin',
  /** POST with Bearer session, `SetPinRequest`: sets or replaces the member's PIN. */
  setPin: '/api/reception/pin',
  /** POST with Bearer session, `RemovePinRequest`. */
  removePin: '/api/reception/pin/remove',
  /** POST with Bearer session from a password sign-in, `RegisterDeviceRequest`. */
  registerDevice: '/api/reception/devices',
  /** POST `{ deviceToken }`: who can switch in on this computer. */
  roster: '/api/reception/roster',
  /** POST `PinSignInRequest`: answers a normal `SignInResponse`. */
  pinSignIn: '/api/reception/pin-sign-in',
} as const;

export const PIN_MIN_LENGTH = 4;
export const PIN_MAX_LENGTH = 8;

/** Runs like 1234 or 9876 and repeats like 0000 are the first guesses anyone tries. */
export function isGuessablePin(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((digit, index) => digit - (digits[index] ?? 0)));
  return steps.size === 1 && [0, 1, -1].includes([...steps][0] ?? 99);
}

export const pinSchema = z
  .string()
  .regex(new RegExp(`^\\d{${PIN_MIN_LENGTH},${PIN_MAX_LENGTH}}$`), `A PIN is ${PIN_MIN_LENGTH} to ${PIN_MAX_LENGTH} digits.`)
  .refine((pin) => !isGuessablePin(pin), 'That PIN is too easy to guess (a repeat or a run like 1234). Choose another.');

/** A PIN as typed at the lock screen: only its shape is checked, never its strength. */
const enteredPinSchema = z.string().regex(/^\d{1,16}$/, 'Enter your PIN (digits only).');

const passwordSchema = z.string().min(1, 'Enter your password.').max(1024);
const deviceTokenSchema = z.string().min(20).max(256);

/** Why a member's PIN was taken away: a manager set their password, signed them out of all
 * devices or deactivated them, or they changed their password themselves. */
export const pinClearReasonSchema = z.enum(['password-reset', 'signed-out-everywhere', 'password-changed', 'deactivated']);
export type PinClearReason = z.infer<typeof pinClearReasonSchema>;

export const pinStatusSchema = z.object({
  hasPin: z.boolean(),
  /** Too many wrong PINs: the PIN works again after a sign-in with email and password. */
  locked: z.boolean(),
  /** Present while the member has no PIN because it was cleared (until they set a new one). */
  cleared: z.object({ reason: pinClearReasonSchema, at: z.number().int() }).optional(),
});
export type PinStatus = z.infer<typeof pinStatusSchema>;

export const setPinRequestSchema = z.object({ pin: pinSchema, password: passwordSchema });
export type SetPinRequest = z.infer<typeof setPinRequestSchema>;

export const removePinRequestSchema = z.object({ password: passwordSchema });

export const registerDeviceRequestSchema = z.object({
  /** The location this computer belongs to, by id or by name (IT's managed config may use either). */
  location: z.union([idSchema, z.string().trim().min(1).max(120)]),
  /** This computer's current device token, to re-bind it (and lift a wrong-PIN lockout). */
  deviceToken: deviceTokenSchema.optional(),
});
export type RegisterDeviceRequest = z.infer<typeof registerDeviceRequestSchema>;

export const receptionDeviceSchema = z.object({ deviceToken: z.string(), location: locationSchema });
export type ReceptionDevice = z.infer<typeof receptionDeviceSchema>;

export const rosterRequestSchema = z.object({ deviceToken: deviceTokenSchema });

export const rosterMemberSchema = z.object({ id: idSchema, name: z.string(), pinLocked: z.boolean() });
export type RosterMember = z.infer<typeof rosterMemberSchema>;

export const rosterSchema = z.object({
  location: locationSchema,
  /** Members who work at the location and have a PIN, by name. */
  members: z.array(rosterMemberSchema),
  /** Too many wrong PINs on this computer: PINs work again after a password sign-in here. */
  locked: z.boolean(),
});
export type Roster = z.infer<typeof rosterSchema>;

export const pinSignInRequestSchema = z.object({
  deviceToken: deviceTokenSchema,
  memberId: idSchema,
  pin: enteredPinSchema,
});
export type PinSignInRequest = z.infer<typeof pinSignInRequestSchema>;

/** Default PIN tries without a correct one before a member's PIN locks until they sign in with
 * their password (the server's INBOX_PIN_LIMIT_PER_MEMBER may set another). */
export const MEMBER_PIN_FAILURES_MAX = 5;
/** Default PIN tries without a correct one (any member) before a computer's quick switching
 * locks (the server's INBOX_PIN_LIMIT_PER_COMPUTER may set another). */
export const DEVICE_PIN_FAILURES_MAX = 10;

/** A computer set up for quick switching (PIN sign-in) at one location. */
export const receptionComputerSchema = z.object({
  id: idSchema,
  location: locationSchema,
  /** Who set it up (null once that member is gone). */
  registeredBy: z.string().nullable(),
  registeredAt: timestampSchema,
  /** Locked after too many wrong PINs; a password sign-in on it sets it up again. */
  locked: z.boolean(),
});
export type ReceptionComputer = z.infer<typeof receptionComputerSchema>;

/** Managers' list of reception computers (Settings → Team). */
export const receptionComputerRequests = {
  /** Computers set up for quick switching, newest first. */
  'reception:list-computers': { permission: 'team.manage', payload: z.object({}), result: z.object({ items: z.array(receptionComputerSchema) }) },
  /** Stops a computer switching by PIN (lost, sold, moved): it needs a password sign-in again. */
  'reception:remove-computer': { permission: 'team.manage', payload: z.object({ computerId: idSchema }), result: z.object({ removed: z.literal(true) }) },
} as const;
