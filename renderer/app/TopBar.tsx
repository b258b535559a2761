// Workspace and member, the connection banner, and Sign out (a shared computer changes hands).
import type { ConnectionStatus } from '../api/connectionStatus';
import { useLockState } from '../reception/LockContext';
import { useWaitingToSend } from '../sending/useWaitingToSend';
import { useStaff } from '../session/StaffContext';
import { ConnectionBanner } from '../ui/ConnectionBanner';

export function TopBar({ status, onSignOut }: { status: ConnectionStatus; onSignOut: () => void }) {
  const { session } = useStaff();
  const { lock } = useLockState();
  const waitingToSend = useWaitingToSend();
  return (
    <header className="top-bar">
      <div className="top-bar__row">
        <p className="top-bar__brand">
          <span className="brand-mark brand-mark--small" aria-hidden="true">
            FD
          </span>
          <span className="top-bar__workspace">{session.workspace.name}</span>
        </p>
        <div className="top-bar__member">
          <span className="top-bar__member-name">{session.member.name}</span>
          <button type="button" className="secondary-button secondary-button--small" onClick={lock}>
            Lock
          </button>
          <button type="button" className="secondary-button secondary-button--small" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </div>
      <ConnectionBanner status={status} waitingToSend={waitingToSend} />
    </header>
  );
}
