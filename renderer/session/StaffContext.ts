// What every signed-in screen needs: the typed server API, the member's session (with live
// workspace settings) and the desktop bridge.
import { createContext, use } from 'react';
import type { DesktopBridge } from '../../shared/bridge';
import type { SessionInfo } from '../../shared/domain';
import type { StaffApi } from '../api/staffApi';

export interface StaffContextValue {
  api: StaffApi;
  session: SessionInfo;
  bridge: DesktopBridge;
}

export const StaffContext = createContext<StaffContextValue | null>(null);

export function useStaff(): StaffContextValue {
  const value = use(StaffContext);
  if (!value) throw new Error('useStaff() needs a signed-in StaffContext provider.');
  return value;
}
