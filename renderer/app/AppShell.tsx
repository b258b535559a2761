// The signed-in frame: top bar, the main menu and the current screen. Members without Access
// client chats get no inbox and are told whom to ask (R9). While Client Connect is off the
// inbox is hidden behind a notice (R2), as it is while Settings are open: it stays mounted, so
// the open conversation, drafts and unsent messages are all still there on the way back.
import { useCallback } from 'react';
import { can } from '../../shared/permissions';
import type { ConnectionStatus } from '../api/connectionStatus';
import { InboxScreen } from '../inbox/InboxScreen';
import { useLockState } from '../reception/LockContext';
import { useStaff } from '../session/StaffContext';
import { SettingsScreen } from '../settings/SettingsScreen';
import { ProfileScreen } from '../profile/ProfileScreen';
import { MessagingOff } from './MessagingOff';
import { NoAccess } from './NoAccess';
import { Rail } from './Rail';
import { INBOX_ROUTE } from './route';
import { TopBar } from './TopBar';
import { useRoute } from './useRoute';

interface AppShellProps {
  status: ConnectionStatus;
  onSignOut: () => void;
}

export function AppShell({ status, onSignOut }: AppShellProps) {
  const { session } = useStaff();
  const [route, navigate] = useRoute(session.grants);
  const canAccessChats = can(session.grants, 'chats.access');
  const messagingOn = session.workspace.settings.enabled;
  const onInbox = route.screen === 'inbox';
  // Behind the lock screen nothing counts as seen: messages notify and stay unread.
  const { locked } = useLockState();
  const inboxVisible = onInbox && messagingOn && !locked;
  const showInbox = useCallback(() => navigate(INBOX_ROUTE), [navigate]);

  return (
    <div className="app-shell">
      <TopBar status={status} onSignOut={onSignOut} />
      <Rail route={route} navigate={navigate} />
      {canAccessChats && (
        <div className={inboxVisible ? 'screen-slot' : undefined} hidden={!inboxVisible}>
          <InboxScreen visible={inboxVisible} onReveal={showInbox} />
        </div>
      )}
      {onInbox && !canAccessChats && (
        <main className="no-access-main">
          <NoAccess />
        </main>
      )}
      {onInbox && canAccessChats && !messagingOn && <MessagingOff />}
      {route.screen === 'settings' && <SettingsScreen section={route.section} />}
      {route.screen === 'profile' && <ProfileScreen />}
    </div>
  );
}
