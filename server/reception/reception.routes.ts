// Quick switching on a shared reception computer, over HTTP like the password sign-in. A member
// sets a PIN (with their password); a password sign-in registers the computer as a reception
// device of one location; on that computer, members of that location pick their name and
// enter their PIN to get a normal session of their own. PIN tries are counted per member, per
// device and per address when admitted, before the hash; at the member's or device's limit only
// a password sign-in unlocks again. Deny by default: every route names the token it needs and
// refuses without it.
import type { Location } from '../../shared/domain';
import type { SignInResponse } from '../../shared/http';
import {
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
import type { Guesses } from '../auth/guesses';
import { dummyPasswordHash, needsRehash } from '../auth/password';
import type { StaffSession } from '../auth/sessions.repository';
import type { PasswordCheck } from '../auth/passwordCheck';
import { createStaffAccess } from '../auth/staffAccess';
import { startSession } from '../auth/startSession';
import { hashToken, newToken } from '../auth/tokens';
import type { ServerDeps } from '../deps';
import { HttpError, parseOrThrow } from '../http/errors';
import type { ApiRequest, Route } from '../http/router';
import type { ReceptionDeviceRecord } from './reception.repository';

/** Unknown device tokens tried from one address before it must wait (guessing tokens is futile,
 * but each try still costs a lookup). */
const MAX_UNKNOWN_DEVICES_PER_ADDRESS = 30;

const notAReceptionComputer = () =>
  new HttpError(401, 'unauthenticated', "This computer isn't set up for quick switching. Sign in with your email and password.");

export function receptionHttpRoutes(deps: ServerDeps, { checkPassword, guesses }: { checkPassword: PasswordCheck; guesses: Guesses }): Route[] {
  const { repos, clock, config } = deps;
  const access = createStaffAccess(deps);
  const limits = { member: config.guessLimits.pinPerMember, device: config.guessLimits.pinPerComputer };
  const unknownDevices = guesses.limiter(MAX_UNKNOWN_DEVICES_PER_ADDRESS);


  function deviceOf(ip: string, deviceToken: string): ReceptionDeviceRecord {
    const retryAfterMs = unknownDevices.retryAfterMs(ip);
    if (retryAfterMs > 0) {
      throw new HttpError(429, 'rate_limited', 'Too many attempts from this computer. Try again later.', undefined, {
        'Retry-After': String(Math.ceil(retryAfterMs / 1000)),
      });
    }
    const device = repos.reception.deviceByTokenHash(hashToken(deviceToken));
    if (!device) {
      // Counted after the lookup: it is quick, and nothing can come in between.
      unknownDevices.admit(ip);
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

  function pinStatus(_request: ApiRequest, { memberId }: StaffSession): PinStatus {
    const pin = repos.reception.pinOf(memberId);
    const cleared = pin ? null : repos.reception.pinClearance(memberId);
    return { hasPin: pin !== null, locked: pin?.locked ?? false, ...(cleared ? { cleared } : {}) };
  }

  async function setPin(request: ApiRequest, session: StaffSession): Promise<PinStatus> {
    const { pin, password } = parseOrThrow(setPinRequestSchema, await request.readJson());
    await checkPassword(session.memberId, password, request.ip);
    const pinHash = await deps.hashing.hash(request.ip, pin);
    // The awaits let a sign-out everywhere or a password reset in: this session must still be live.
    access.authorize(access.sessionOf(request), 'POST /api/reception/pin');
    repos.reception.setPin(session.memberId, pinHash, clock.now());
    return { hasPin: true, locked: false };
  }

  async function removePin(request: ApiRequest, session: StaffSession): Promise<PinStatus> {
    const { password } = parseOrThrow(removePinRequestSchema, await request.readJson());
    await checkPassword(session.memberId, password, request.ip);
    repos.reception.removePin(session.memberId);
    return { hasPin: false, locked: false };
  }

  async function registerDevice(request: ApiRequest, session: StaffSession): Promise<ReceptionDevice> {
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
    const address = request.ip;
    const device = deviceOf(address, deviceToken);
    const deviceLocked = () =>
      new HttpError(429, 'rate_limited', 'Too many wrong PINs on this computer. Sign in with your email and password to switch on PINs again.', {
        lockout: 'device',
      });
    if (device.locked || device.failedAttempts >= limits.device) {
      guesses.refused(`device ${device.id}`, 'PIN refused: computer locked', { memberId, deviceId: device.id, address });
      throw deviceLocked();
    }
    const location = locationOf(device.locationId);
    const member = repos.team.memberById(memberId);
    const credentials = member && repos.team.credentialsByEmail(member.email);
    const storedPin = repos.reception.pinOf(memberId);
    const worksHere = (role: string) => role === 'owner' || repos.team.assignedLocationIds(memberId).includes(location.id);
    if (!credentials || credentials.deactivated || !storedPin || !worksHere(credentials.role)) {
      // Same work as a real check, so the answer's timing says nothing about the member; it is
      // still a try from this address.
      const admission = guesses.admit({ kind: 'PIN', address, member: null, counters: [] });
      await admission.run((hasher) => hasher.verify(pin, dummyPasswordHash()));
      admission.failed();
      throw new HttpError(403, 'forbidden', `Quick switching here is for team members of ${location.name} who have set a PIN.`);
    }
    const who = { id: credentials.id, name: credentials.name };
    // Counted against the member and this computer (in the database) and the address, before
    // the hash. A PIN at its limit is refused without being looked at, right or wrong alike.
    const admission = guesses.admit({
      kind: 'PIN',
      address,
      member: who,
      counters: [],
      alsoAdmit() {
        const admitted = repos.reception.admitPinTry(memberId, device.id, limits);
        if (admitted === 'admitted') return null;
        const fields = { memberId, deviceId: device.id, address };
        if (admitted === 'device') guesses.refused(`device ${device.id}`, 'PIN refused: computer locked', fields);
        else guesses.refused(`member ${memberId}`, 'PIN refused: PIN locked', fields);
        if (admitted === 'device') return deviceLocked();
        return new HttpError(429, 'rate_limited', `Too many wrong PINs for ${credentials.name}. Sign in with your email and password to use your PIN again.`, {
          lockout: 'member',
        });
      },
    });
    const checked = await admission.run(async (hasher) => {
      if (!(await hasher.verify(pin, storedPin.pinHash))) return null;
      return { rehashed: needsRehash(storedPin.pinHash) ? await hasher.hash(pin) : null };
    });
    // Other requests ran during the awaits. A removed computer answers as one for every try.
    // A PIN changed or cleared meanwhile makes even the right old PIN a wrong one, answered as
    // such: the answer never tells a right PIN from a wrong one except by signing in.
    const stillSetUp = repos.reception.deviceByTokenHash(hashToken(deviceToken));
    if (!stillSetUp) {
      admission.failed();
      throw notAReceptionComputer();
    }
    const current = repos.reception.pinOf(memberId);
    if (!checked || !current || current.pinHash !== storedPin.pinHash) {
      admission.failed();
      const outcome = repos.reception.recordWrongPin(memberId, device.id, limits, clock.now());
      if (outcome.memberLockedNow) guesses.lockedOut('PIN', who, address, "member's PIN");
      if (outcome.deviceLockedNow) guesses.lockedOut('PIN', who, address, `reception computer at ${location.name}`);
      const left = Math.max(limits.member - outcome.memberFailures, 0);
      const message =
        left === 0
          ? `Wrong PIN. ${credentials.name}'s PIN is now locked: sign in with your email and password to use it again.`
          : outcome.deviceLockedNow
            ? 'Wrong PIN. Too many wrong PINs on this computer: sign in with your email and password to switch on PINs again.'
            : `Wrong PIN. ${left} ${left === 1 ? 'try' : 'tries'} left before the PIN locks.`;
      throw new HttpError(401, 'unauthenticated', message, { triesLeft: left });
    }
    // Admitted before any lock, so it is honoured even if other tries locked the PIN or the
    // computer meanwhile: the limit counts it among the tries allowed.
    admission.succeeded();
    repos.transaction(() => {
      if (checked.rehashed) repos.reception.replacePinHash(memberId, storedPin.pinHash, checked.rehashed);
      repos.reception.clearPinFailures(memberId);
      repos.reception.clearDeviceFailures(device.id);
    });
    return startSession(deps, credentials, 'pin');
  }

  return [
    access.route('GET /api/reception/pin', pinStatus),
    access.route('POST /api/reception/pin', setPin),
    access.route('POST /api/reception/pin/remove', removePin),
    access.route('POST /api/reception/devices', registerDevice),
    { method: 'POST', path: receptionRoutes.roster, handle: roster },
    { method: 'POST', path: receptionRoutes.pinSignIn, handle: pinSignIn },
  ];
}

function onlyOne<T>(items: T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}
