// The server ends a session (a manager's "Sign out of all devices", expiry) with a push before
// it drops the socket, so the member learns why rather than just landing on sign-in.
import { useEffect } from 'react';
import type { StaffApi } from '../api/staffApi';
import type { SessionEndReason } from './sessionEnded';

export function useSessionEndedPush(api: StaffApi, onSessionEnded: (reason: SessionEndReason) => void): void {
  useEffect(() => api.subscribe('session:ended', ({ reason }) => onSessionEnded(reason)), [api, onSessionEnded]);
}
