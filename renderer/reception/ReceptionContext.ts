// What the PIN, password and quick-switching screens need beyond the socket: the HTTP API and the
// signed-in session's token (PIN and password changes and registering this computer are HTTP
// calls with it).
import { createContext, use } from 'react';
import type { ReceptionApi } from './receptionApi';

export interface ReceptionContextValue {
  api: ReceptionApi;
  sessionToken: string;
}

export const ReceptionContext = createContext<ReceptionContextValue | null>(null);

export function useReception(): ReceptionContextValue {
  const value = use(ReceptionContext);
  if (!value) throw new Error('useReception() needs a ReceptionContext provider (renderer/app/App.tsx).');
  return value;
}
