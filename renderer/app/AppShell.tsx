// The signed-in frame: top bar, the main navigation rail and the current screen. Members
// without Access client chats get no Messages item and are told whom to ask (R9).
import { can } from '../../shared/permissions';
import type { ConnectionStatus } from '../api/connectionStatus';
import { InboxScreen } from '../inbox/InboxScreen';
import { useStaff } from '../session/StaffContext';
import { NoAccess } from './NoAccess';
import { TopBar } from './TopBar';
import { useUnreadBadge } from '../inbox/useUnreadBadge';

interface AppShellProps {
  status: ConnectionStatus;
  onSignOut: () => void;
}

export function AppShell({ status, onSignOut }: AppShellProps) {
  const { session } = useStaff();
  const canAccessChats = can(session.grants, 'chats.access');
  return (
    <div className="app-shell">
      <TopBar status={status} onSignOut={onSignOut} />
      {canAccessChats ? <SignedInWithChats /> : <NoAccessLayout />}
    </div>
  );
}

function SignedInWithChats() {
  const unreadTotal = useUnreadBadge();
  return (
    <>
      <nav className="rail" aria-label="Main">
        <ul className="rail__list">
          <li>
            <button type="button" className="rail__item" aria-current="page">
              <MessagesIcon />
              <span className="rail__label">Messages</span>
              {unreadTotal > 0 && (
                <span className="count-badge rail__badge">
                  {unreadTotal}
                  <span className="visually-hidden"> unread</span>
                </span>
              )}
            </button>
          </li>
        </ul>
      </nav>
      <InboxScreen />
    </>
  );
}

function NoAccessLayout() {
  return (
    <>
      <div className="rail" />
      <main className="no-access-main">
        <NoAccess />
      </main>
    </>
  );
}

function MessagesIcon() {
  return (
    <svg className="rail__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-4.2 3.6A.5.5 0 0 1 5 19.2V16h1.5H6.5A2.5 2.5 0 0 1 4 13.5z" />
    </svg>
  );
}
