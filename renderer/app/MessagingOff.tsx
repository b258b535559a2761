// What members who read chats see while Client Connect is off (R2), instead of the inbox. The
// inbox stays loaded behind it, so turning messaging back on shows everything at once.
import { can } from '../../shared/permissions';
import { useStaff } from '../session/StaffContext';
import { routeHref } from './route';

export function MessagingOff() {
  const { session } = useStaff();
  const canManage = can(session.grants, 'settings.manage');
  return (
    <main className="messaging-off-main">
      <div className="empty-state" data-testid="client-connect-off">
        <h1 className="empty-state__title">Client Connect is off</h1>
        <p role="status">
          Clients can't message {session.workspace.name} right now, and the team can't send or receive messages. Your
          conversation history is kept and comes back as soon as Client Connect is turned on again.
        </p>
        {canManage ? (
          <a className="primary-button empty-state__action" href={routeHref({ screen: 'settings', section: 'messages' })}>
            Open Messages settings
          </a>
        ) : (
          <p className="empty-state__hint">A workspace owner or manager can turn it back on.</p>
        )}
      </div>
    </main>
  );
}
