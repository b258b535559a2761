// Tells the member when the inbox is not live. The status region is always mounted so that
// screen readers hear both the drop and the recovery.
import type { ConnectionStatus } from '../api/connectionStatus';

const wording: Record<ConnectionStatus, string> = {
  connecting: '',
  connected: '',
  reconnecting: 'Offline — reconnecting…',
  offline: 'Offline — reconnecting…',
};

export function ConnectionBanner({ status }: { status: ConnectionStatus }) {
  const text = wording[status];
  return (
    <div className={text ? 'connection-banner connection-banner--visible' : 'connection-banner'} role="status">
      {text && (
        <>
          <span className="connection-banner__dot" aria-hidden="true" />
          {text}
          <span className="connection-banner__detail">Messages you send will go out once the connection is back.</span>
        </>
      )}
    </div>
  );
}
