// A signed-in member's app: their connection and session, provided to every screen.
import { useMemo } from 'react';
import type { DesktopBridge } from '../../shared/bridge';
import type { SessionInfo } from '../../shared/domain';
import { useConnectionStatus } from '../api/useConnectionStatus';
import { StaffContext, type StaffContextValue } from '../session/StaffContext';
import { useSessionInfo } from '../session/useSessionInfo';
import { useStaffConnection } from '../session/useStaffConnection';
import { AppShell } from './AppShell';
import { ConnectingScreen } from './ConnectingScreen';

interface SignedInAppProps {
  serverUrl: string;
  token: string;
  initialSession: SessionInfo | null;
  bridge: DesktopBridge;
  onSessionEnded: () => void;
  onSignOut: () => void;
}

export function SignedInApp({ serverUrl, token, initialSession, bridge, onSessionEnded, onSignOut }: SignedInAppProps) {
  const { socket, api } = useStaffConnection(serverUrl, token, onSessionEnded);
  const status = useConnectionStatus(socket);
  const session = useSessionInfo(api, initialSession);
  const context = useMemo<StaffContextValue | null>(() => session && { api, session, bridge }, [api, session, bridge]);

  if (!context) return <ConnectingScreen status={status} onSignOut={onSignOut} />;
  return (
    <StaffContext value={context}>
      <AppShell status={status} onSignOut={onSignOut} />
    </StaffContext>
  );
}
