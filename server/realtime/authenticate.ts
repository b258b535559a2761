// Socket.io connection middleware: a staff socket must present an active session token, a
// client socket a client token. Failures reach the caller as connect_error "unauthenticated".
import type { ExtendedError } from 'socket.io';
import { hashToken } from '../auth/tokens';
import type { ServerDeps } from '../deps';
import type { ClientSocket, StaffSocket } from './types';

type Next = (error?: ExtendedError) => void;

const MAX_TOKEN_LENGTH = 256;

function refusal(code: 'unauthenticated' | 'internal', message: string): ExtendedError {
  return Object.assign(new Error(code), { data: { code, message } });
}

function tokenOf(auth: unknown): string | null {
  const token = (auth as { token?: unknown } | undefined)?.token;
  return typeof token === 'string' && token.length > 0 && token.length <= MAX_TOKEN_LENGTH ? token : null;
}

export function authenticateStaff({ repos, clock, log }: ServerDeps) {
  return (socket: StaffSocket, next: Next): void => {
    try {
      const token = tokenOf(socket.handshake.auth);
      if (token === null) return next(refusal('unauthenticated', 'Sign in first: connect with { auth: { token } }.'));
      const session = repos.sessions.findActive(hashToken(token), clock.now());
      const member = session && repos.team.memberById(session.memberId);
      if (!session || !member) {
        return next(refusal('unauthenticated', 'Your session has expired or was signed out. Sign in again.'));
      }
      socket.data.session = session;
      socket.data.memberName = member.name;
      next();
    } catch (error) {
      log.error('Staff socket authentication failed', { error });
      next(refusal('internal', 'Something went wrong on the server. Please try again.'));
    }
  };
}

export function authenticateClient({ repos, clock, config, log }: ServerDeps) {
  return (socket: ClientSocket, next: Next): void => {
    try {
      const token = tokenOf(socket.handshake.auth);
      const link = token === null ? null : repos.clients.linkByToken(hashToken(token), config.clientLimits.linkTtlMs, clock.now());
      const client = link === null ? null : repos.clients.findById(link.clientId);
      // One answer for an unknown, revoked or expired link: the page says the same to all.
      if (!link || !client) return next(refusal('unauthenticated', 'This link has expired or is not valid any more. Ask the business for a new one.'));
      socket.data.clientId = client.id;
      socket.data.clientName = client.name;
      socket.data.linkId = link.linkId;
      socket.data.linkExpiresAt = link.expiresAt;
      next();
    } catch (error) {
      log.error('Client socket authentication failed', { error });
      next(refusal('internal', 'Something went wrong on the server. Please try again.'));
    }
  };
}
