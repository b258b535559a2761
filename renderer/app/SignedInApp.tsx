// A signed-in member's app: their connection and session, provided to every screen, and the
// attachment client that fetches files with the session's token.
import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import type { DesktopBridge } from '../../shared/bridge';
import type { SessionInfo } from '../../shared/domain';
import type { FirstInbox } from '../../shared/inboxPage';
import { useConnectionStatus } from '../api/useConnectionStatus';
import { createAttachmentClient } from '../attachments/attachmentClient';
import { FirstInboxContext } from '../inbox/firstInbox';
import { AttachmentContext } from '../attachments/AttachmentContext';
import { createSessionCache, offlineCache } from '../offline/offlineCache';
import { OfflineProvider } from '../offline/OfflineProvider';
import { withLocalPushes } from '../offline/withLocalPushes';
import type { SessionEndReason } from '../session/sessionEnded';
import { StaffContext, type StaffContextValue } from '../session/StaffContext';
import { useSessionEndedPush } from '../session/useSessionEndedPush';
import { useSessionInfo } from '../session/useSessionInfo';
import { useStaffConnection } from '../session/useStaffConnection';
import { withMessagingResume } from '../session/withMessagingResume';
import { PrefsContext } from '../profile/PrefsContext';
import { createPrefsSync } from '../profile/prefsSync';
import { AppShell } from './AppShell';
import { ConnectingScreen } from './ConnectingScreen';
import { STARTUP_MARKS } from '../../shared/startupMarks';
import { markStartup } from '../ui/startupMarks';

// Beside the token in sessionStorage: a reload opens on it even while the server is away.
const sessionCache = createSessionCache(window.sessionStorage, 'frontDeskInbox.session');

interface SignedInAppProps {
  serverUrl: string;
  token: string;
  initialSession: SessionInfo | null;
  /** The inbox the sign-in answered with (none after a reload). */
  firstInbox: FirstInbox | null;
  bridge: DesktopBridge;
  /** Must be stable (useCallback). Names the token, so a late callback can't end a newer session. */
  onSessionEnded: (token: string, reason: SessionEndReason) => void;
  onSignOut: () => void;
  /** Called with the session whenever it is known or changes (the lock screen names its member). */
  onSessionKnown?: (session: SessionInfo) => void;
}

export function SignedInApp({ serverUrl, token, initialSession, firstInbox, bridge, onSessionEnded, onSignOut, onSessionKnown }: SignedInAppProps) {
  const endThisSession = useCallback((reason: SessionEndReason) => onSessionEnded(token, reason), [onSessionEnded, token]);
  useLayoutEffect(() => markStartup(STARTUP_MARKS.signedInScreens), []);
  const { socket, api } = useStaffConnection(serverUrl, token, endThisSession);
  useSessionEndedPush(api, endThisSession);
  const status = useConnectionStatus(socket);
  // Catch-up delivers what was missed as local pushes, so every screen subscribes through it.
  const localApi = useMemo(() => withLocalPushes(api), [api]);
  const [startingSession] = useState(() => initialSession ?? sessionCache.read());
  const session = useSessionInfo(localApi, startingSession);
  useEffect(() => {
    if (!session) return;
    sessionCache.write(session);
    onSessionKnown?.(session);
  }, [session, onSessionKnown]);
  // Screens load on (re)connect and again when Client Connect comes back on (R2).
  const screensApi = useMemo(() => withMessagingResume(localApi), [localApi]);
  const offlineApi = useMemo(() => ({ ...screensApi, deliver: localApi.deliver }), [screensApi, localApi]);
  const isConnected = useCallback(() => socket.connected, [socket]);
  const enabled = session?.workspace.settings.enabled;
  useEffect(() => {
    if (enabled !== undefined) screensApi.noteEnabled(enabled);
  }, [screensApi, enabled]);
  const context = useMemo<StaffContextValue | null>(
    () => session && { api: screensApi, session, bridge },
    [screensApi, session, bridge],
  );
  const attachments = useMemo(() => createAttachmentClient(serverUrl, token), [serverUrl, token]);
  const memberId = session?.member.id;
  // The member's notification preferences: cached copy first, then the server's, live (R10).
  const prefsSync = useMemo(() => (memberId === undefined ? null : createPrefsSync(api, bridge, memberId)), [api, bridge, memberId]);
  useEffect(() => prefsSync?.start(), [prefsSync]);
  const signOutHere = useCallback(() => {
    sessionCache.clear();
    if (memberId !== undefined) void offlineCache.clear(bridge, memberId);
    onSignOut();
  }, [bridge, memberId, onSignOut]);

  if (!context || !prefsSync) return <ConnectingScreen status={status} onSignOut={signOutHere} />;
  return (
    <StaffContext value={context}>
      <AttachmentContext value={attachments}>
        <PrefsContext value={prefsSync}>
          <OfflineProvider api={offlineApi} isConnected={isConnected} status={status}>
            <FirstInboxContext value={firstInbox}>
              <AppShell status={status} onSignOut={signOutHere} />
            </FirstInboxContext>
          </OfflineProvider>
        </PrefsContext>
      </AttachmentContext>
    </StaffContext>
  );
}
