// Tells the member when the inbox is not live. The status region is always mounted so that
// screen readers hear both the drop and the recovery. Offline, the inbox shows what this
// computer saved, and replies wait in the outbox: the banner says both, with the count waiting.
import type { ConnectionStatus } from '../api/connectionStatus';

const wording: Record<ConnectionStatus, string> = {
  connecting: '',
  connected: '',
  reconnecting: 'Offline — reconnecting…',
  offline: 'Offline — reconnecting…',
};

interface ConnectionBannerProps {
  status: ConnectionStatus;
  /** Staff app: replies kept in the outbox until the connection is back. */
  waitingToSend?: number;
}

export function ConnectionBanner({ status, waitingToSend }: ConnectionBannerProps) {
  const text = wording[status];
  const waiting =
    waitingToSend === undefined || waitingToSend === 0
      ? 'Messages you send will go out once the connection is back.'
      : `${waitingToSend === 1 ? '1 message is' : `${waitingToSend} messages are`} waiting to send; they go out once the connection is back.`;
  return (
    <div
      className={text ? 'connection-banner connection-banner--visible' : 'connection-banner'}
      role="status"
      data-testid="offline-banner"
      data-offline={text ? 'true' : 'false'}
    >
      {text && (
        <>
          <span className="connection-banner__dot" aria-hidden="true" />
          {text}
          <span className="connection-banner__detail">
            {waitingToSend === undefined ? '' : 'Showing what this computer saved. '}
            {waiting}
          </span>
        </>
      )}
    </div>
  );
}
