// session:get — who the socket is signed in as, with the grants and locations of its session.
import { err, ok } from '../../shared/result';
import type { RealtimeContext } from '../realtime/context';
import type { StaffSocket } from '../realtime/types';
import { buildSessionInfo } from './sessionInfo';

export function registerSessionHandlers(socket: StaffSocket, { repos, onStaff }: RealtimeContext): void {
  onStaff(socket, 'session:get', (_payload, { session }) => {
    const info = buildSessionInfo(repos, session);
    return info ? ok(info) : err('not_found', 'Your team member account no longer exists.');
  });
}
