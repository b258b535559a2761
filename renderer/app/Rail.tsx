// The main menu on the left: Messages (only with Access client chats, R9), Settings (for
// everyone since This computer is there; the workspace pages only for members who may manage
// them) and everyone's own Profile.
import { can } from '../../shared/permissions';
import { useUnreadBadge } from '../inbox/useUnreadBadge';
import { useStaff } from '../session/StaffContext';
import { canOpenSettings, INBOX_ROUTE, parseRoute, PROFILE_ROUTE, type Route } from './route';

interface RailProps {
  route: Route;
  navigate: (route: Route) => void;
}

export function Rail({ route, navigate }: RailProps) {
  const { session } = useStaff();
  const showMessages = can(session.grants, 'chats.access');
  const showSettings = canOpenSettings(session.grants);
  return (
    <nav className="rail" aria-label="Main">
      <ul className="rail__list">
        {showMessages && (
          <li>
            <MessagesItem current={route.screen === 'inbox'} onClick={() => navigate(INBOX_ROUTE)} />
          </li>
        )}
        {showSettings && (
          <li>
            <button
              type="button"
              className="rail__item"
              aria-current={route.screen === 'settings' ? 'page' : undefined}
              onClick={() => navigate(parseRoute('#/settings', session.grants))}
            >
              <SettingsIcon />
              <span className="rail__label">Settings</span>
            </button>
          </li>
        )}
        <li>
          <button
            type="button"
            className="rail__item"
            aria-current={route.screen === 'profile' ? 'page' : undefined}
            onClick={() => navigate(PROFILE_ROUTE)}
          >
            <ProfileIcon />
            <span className="rail__label">Profile</span>
          </button>
        </li>
      </ul>
    </nav>
  );
}

function ProfileIcon() {
  return (
    <svg className="rail__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="8" r="4" />
      <path d="M4 20a8 8 0 0 1 16 0z" />
    </svg>
  );
}

/** Its own component: the unread total is only fetched by members who may read chats. */
function MessagesItem({ current, onClick }: { current: boolean; onClick: () => void }) {
  const unreadTotal = useUnreadBadge();
  return (
    <button type="button" className="rail__item" aria-current={current ? 'page' : undefined} onClick={onClick}>
      <MessagesIcon />
      <span className="rail__label">Messages</span>
      {unreadTotal > 0 && (
        <span className="count-badge rail__badge">
          {unreadTotal}
          <span className="visually-hidden"> unread</span>
        </span>
      )}
    </button>
  );
}

function MessagesIcon() {
  return (
    <svg className="rail__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-4.2 3.6A.5.5 0 0 1 5 19.2V16h1.5H6.5A2.5 2.5 0 0 1 4 13.5z" />
    </svg>
  );
}

function SettingsIcon() {
  return (
    <svg className="rail__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {/* Three sliders: settings as adjustments. */}
      <rect x="3" y="5" width="18" height="2" rx="1" />
      <rect x="3" y="11" width="18" height="2" rx="1" />
      <rect x="3" y="17" width="18" height="2" rx="1" />
      <circle cx="8" cy="6" r="2.6" />
      <circle cx="16" cy="12" r="2.6" />
      <circle cx="10" cy="18" r="2.6" />
    </svg>
  );
}
