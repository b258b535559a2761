// The signed-in member's HTTP routes: quick switching (shared/reception.ts) and changing their
// password, answering the shared Result shape. The server's messages for these routes are
// written for the person at the screen, so they are shown as they are.
import { changePasswordResponseSchema, routes, signInResponseSchema, type ChangePasswordResponse, type SignInResponse } from '../../shared/http';
import {
  pinStatusSchema,
  receptionDeviceSchema,
  receptionRoutes,
  rosterSchema,
  type PinStatus,
  type ReceptionDevice,
  type RegisterDeviceRequest,
  type Roster,
} from '../../shared/reception';
import type { Result } from '../../shared/result';
import { callServer } from '../api/callServer';

export function createReceptionApi(serverUrl: string, fetchImpl: typeof fetch = (...args) => fetch(...args)) {
  return {
    pinStatus: (token: string): Promise<Result<PinStatus>> =>
      callServer(serverUrl, { method: 'GET', path: receptionRoutes.pinStatus, token }, pinStatusSchema, fetchImpl),
    setPin: (token: string, pin: string, password: string): Promise<Result<PinStatus>> =>
      callServer(serverUrl, { method: 'POST', path: receptionRoutes.setPin, token, body: { pin, password } }, pinStatusSchema, fetchImpl),
    removePin: (token: string, password: string): Promise<Result<PinStatus>> =>
      callServer(serverUrl, { method: 'POST', path: receptionRoutes.removePin, token, body: { password } }, pinStatusSchema, fetchImpl),
    registerDevice: (token: string, request: RegisterDeviceRequest): Promise<Result<ReceptionDevice>> =>
      callServer(serverUrl, { method: 'POST', path: receptionRoutes.registerDevice, token, body: request }, receptionDeviceSchema, fetchImpl),
    roster: (deviceToken: string): Promise<Result<Roster>> =>
      callServer(serverUrl, { method: 'POST', path: receptionRoutes.roster, body: { deviceToken } }, rosterSchema, fetchImpl),
    pinSignIn: (deviceToken: string, memberId: number, pin: string): Promise<Result<SignInResponse>> =>
      callServer(serverUrl, { method: 'POST', path: receptionRoutes.pinSignIn, body: { deviceToken, memberId, pin } }, signInResponseSchema, fetchImpl),
    changePassword: (token: string, currentPassword: string, newPassword: string): Promise<Result<ChangePasswordResponse>> =>
      callServer(serverUrl, { method: 'POST', path: routes.changePassword, token, body: { currentPassword, newPassword } }, changePasswordResponseSchema, fetchImpl),
  };
}

export type ReceptionApi = ReturnType<typeof createReceptionApi>;
