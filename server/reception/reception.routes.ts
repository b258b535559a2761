// Quick switching on a shared reception computer, over HTTP like the password sign-in. A member
// sets a PIN (with their password); a password sign-in registers the computer as a reception
// device of one location; on that computer, members of that location pick their name and
// enter their PIN to get a normal session of their own. Wrong PINs are counted per member and
// per device, and at the limit only a password sign-in unlocks again. Deny by default: every
// route names the token it needs and refuses without it.
import type { Location } from '../../shared/domain';
import type { SignInResponse } from '../../shared/http';
import {
  DEVICE_PIN_FAILURES_MAX,
  MEMBER_PIN_FAILURES_MAX,
  pinSignInRequestSchema,
  receptionRoutes,
  registerDeviceRequestSchema,
  removePinRequestSchema,
  rosterRequestSchema,
  setPinRequestSchema,
  type PinStatus,
  type ReceptionDevice,
  type Roster,
} from '../../shared/reception';
import { createAttemptLimiter } from '../auth/attemptLimiter';
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from '../auth/password';
import type { StaffSession } from '../auth/sessions.repository';
import type { PasswordCheck } from '../auth/passwordCheck';
import { startSession } from '../auth/startSession';
import { bearerToken, hashToken, newToken } from '../auth/tokens';
import type { ServerDeps } from '../deps';
import { HttpError, parseOrThrow } from '../http/errors';
import type { ApiRequest, Route } from '../http/router';
import type { ReceptionDeviceRecord } from './reception.repository';

const LIMIT_WINDOW_MS = 15 * 60 * 1000;
/** Unknown device tokens tried from one address before it must wait (guessing tokens is futile,
 * but each try still costs a lookup). */
const MAX_UNKNOWN_DEVICES_PER_ADDRESS = 30;

const notSignedIn = () => new HttpError(401, 'unauthenticated', 'You are not signed in, or your session has expired.');
const notAReceptionComputer = () =>
  new HttpError(401, 'unauthenticated', "This computer isn't set up for quick switching. Sign in with your email and password.");

export function receptionHttpRoutes(deps: ServerDeps, { checkPassword }: { checkPassword: PasswordCheck }): Route[] {
  const { repos, clock } = deps;
  const unknownDevices = createAttemptLimiter({ maxFailures: MAX_UNKNOWN_DEVICES_PER_ADDRESS, windowMs: LIMIT_WINDOW_MS, clock });

  function sessionOf(request: ApiRequest): StaffSession {
    const token = bearerToken(request.req.headers.authorization);
    const session = token === null ? null : repos.sessions.findActive(hashToken(token), clock.now());
    if (!session || !repos.team.memberById(session.memberId)) throw notSignedIn();
    return session;
  }

  function deviceOf(ip: string, deviceToken: string): ReceptionDeviceRecord {
    const retryAfterMs = unknownDevices.retryAfterMs(ip);
    if (retryAfterMs > 0) {
      throw new HttpError(429, 'rate_limited', 'Too many attempts from this computer. Try again later.', undefined, {
        'Retry-After': String(Math.ceil(retryAfterMs / 1000)),
      });
    }
    const device = repos.reception.deviceByTokenHash(hashToken(deviceToken));
    if (!device) {
      unknownDevices.recordFailure(ip);
      throw notAReceptionComputer();
    }
    return device;
  }

  function locationOf(id: number): Location {
    const location = repos.workspace.locationsByIds([id])[0];
    if (!location) throw new Error(`Reception device location ${id} is missing.`);
    return location;
  }

  /** By id, by exact name (any case), or by a part of the name that only one location has. */
  function findLocation(wanted: number | string): Location {
    const locations = repos.workspace.locations();
    const found =
      typeof wanted === 'number'
        ? locations.find((location) => location.id === wanted)
        : (locations.find((location) => location.name.toLowerCase() === wanted.toLowerCase()) ??
          onlyOne(locations.filter((location) => location.name.toLowerCase().includes(wanted.toLowerCase()))));
    if (!found) {
      const names = locations.map((location) => location.name).join(', ');
      throw new HttpError(400, 'bad_request', `There is no location "${wanted}". The locations are: ${names}.`);
    }
    return found;
  }

  function pinStatus(request: ApiRequest): PinStatus {
    const pin = repos.reception.pinOf(sessionOf(request).memberId);
    return { hasPin: pin !== null, locked: pin?.locked ?? false };
  }

  async function setPin(request: ApiRequest): Promise<PinStatus> {
    const session = sessionOf(request);
    const { pin, password } = parseOrThrow(setPinRequestSchema, await request.readJson());
    await checkPassword(session.memberId, password);
    repos.reception.setPin(session.memberId, await hashPassword(pin), clock.now());
    return { hasPin: true, locked: false };
  }

  async function removePin(request: ApiRequest): Promise<PinStatus> {
    const session = sessionOf(request);
    const { password } = parseOrThrow(removePinRequestSchema, await request.readJson());
    await checkPassword(session.memberId, password);
    repos.reception.removePin(session.memberId);
    return { hasPin: false, locked: false };
  }

  async function registerDevice(request: ApiRequest): Promise<ReceptionDevice> {
    const session = sessionOf(request);
    const body = parseOrThrow(registerDeviceRequestSchema, await request.readJson());
    if (session.signInMethod !== 'password') {
      throw new HttpError(403, 'forbidden', 'Only a sign-in with email and password can set up quick switching on a computer.');
    }
    const location = findLocation(body.location);
    if (!session.locationIds.includes(location.id)) {
      throw new HttpError(403, 'forbidden', `You don't work at ${location.name}, so you can't set up this computer for it.`);
    }
    const now = clock.now();
    const existing = body.deviceToken === undefined ? null : repos.reception.deviceByTokenHash(hashToken(body.deviceToken));
    if (existing && body.deviceToken !== undefined) {
      repos.reception.rebindDevice(existing.id, location.id, session.memberId, now);
      return { deviceToken: body.deviceToken, location };
    }
    const deviceToken = newToken();
    repos.reception.registerDevice(hashToken(deviceToken), location.id, session.memberId, now);
    return { deviceToken, location };
  }

  async function roster(request: ApiRequest): Promise<Roster> {
    const { deviceToken } = parseOrThrow(rosterRequestSchema, await request.readJson());
    const device = deviceOf(request.ip, deviceToken);
    return { location: locationOf(device.locationId), members: repos.reception.roster(device.locationId), locked: device.locked };
  }

  async function pinSignIn(request: ApiRequest): Promise<SignInResponse> {
    const { deviceToken, memberId, pin } = parseOrThrow(pinSignInRequestSchema, await request.readJson());
    const device = deviceOf(request.ip, deviceToken);
    if (device.locked) {
      throw new HttpError(429, 'rate_limited', 'Too many wrong PINs on this computer. Sign in with your email and password to switch on PINs again.', {
        lockout: 'device',
      });
    }
    const location = locationOf(device.locationId);
    const member = repos.team.memberById(memberId);
    const credentials = member && repos.team.credentialsByEmail(member.email);
    const storedPin = repos.reception.pinOf(memberId);
    const worksHere = (role: string) => role === 'owner' || repos.team.assignedLocationIds(memberId).includes(location.id);
    if (!credentials || !storedPin || !worksHere(credentials.role)) {
      // Same work as a real check, so the answer's timing says nothing about the member.
      await verifyPassword(pin, dummyPasswordHash());
      throw new HttpError(403, 'forbidden', `Quick switching here is for team members of ${location.name} who have set a PIN.`);
    }
    if (storedPin.locked) {
      throw new HttpError(429, 'rate_limited', `Too many wrong PINs for ${credentials.name}. Sign in with your email and password to use your PIN again.`, {
        lockout: 'member',
      });
    }
    if (!(await verifyPassword(pin, storedPin.pinHash))) {
      const outcome = repos.reception.recordWrongPin(memberId, device.id, { member: MEMBER_PIN_FAILURES_MAX, device: DEVICE_PIN_FAILURES_MAX }, clock.now());
      const left = MEMBER_PIN_FAILURES_MAX - outcome.memberFailures;
      const message = outcome.memberLocked
        ? `Wrong PIN. ${credentials.name}'s PIN is now locked: sign in with your email and password to use it again.`
        : outcome.deviceLocked
          ? 'Wrong PIN. Too many wrong PINs on this computer: sign in with your email and password to switch on PINs again.'
          : `Wrong PIN. ${left} ${left === 1 ? 'try' : 'tries'} left before the PIN locks.`;
      throw new HttpError(401, 'unauthenticated', message, { triesLeft: Math.max(left, 0) });
    }
    const rehashed = needsRehash(storedPin.pinHash) ? await hashPassword(pin) : null;
    // Other requests ran during the awaits: the PIN just checked must still be the member's
    // and the computer still set up (a change or removal meanwhile wins). Nothing awaits below.
    const current = repos.reception.pinOf(memberId);
    const stillSetUp = repos.reception.deviceByTokenHash(hashToken(deviceToken));
    if (!current || current.pinHash !== storedPin.pinHash || current.locked || !stillSetUp || stillSetUp.locked) {
      throw new HttpError(409, 'conflict', 'This PIN or computer was changed just now. Try again.');
    }
    repos.transaction(() => {
      if (rehashed) repos.reception.replacePinHash(memberId, storedPin.pinHash, rehashed);
      repos.reception.clearPinFailures(memberId);
      repos.reception.clearDeviceFailures(device.id);
    });
    return startSession(deps, credentials, 'pin');
  }

  return [
    { method: 'GET', path: receptionRoutes.pinStatus, handle: pinStatus },
    { method: 'POST', path: receptionRoutes.setPin, handle: setPin },
    { method: 'POST', path: receptionRoutes.removePin, handle: removePin },
    { method: 'POST', path: receptionRoutes.registerDevice, handle: registerDevice },
    { method: 'POST', path: receptionRoutes.roster, handle: roster },
    { method: 'POST', path: receptionRoutes.pinSignIn, handle: pinSignIn },
  ];
}

function onlyOne<T>(items: T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}
