// Shown after a reload until the session arrives over the socket.
import type { ConnectionStatus } from '../api/connectionStatus';

export function ConnectingScreen({ status, onSignOut }: { status: ConnectionStatus; onSignOut: () => void }) {
  const waiting = status === 'connecting' || status === 'connected';
  return (
    <main className="centered-screen">
      <div className="centered-screen__card" role="status">
        <h1 className="centered-screen__title">{waiting ? 'Connecting…' : 'Offline — reconnecting…'}</h1>
        <p>{waiting ? 'Opening your inbox.' : "The inbox server can't be reached. We'll keep trying."}</p>
      </div>
      <button type="button" className="secondary-button" onClick={onSignOut}>
        Sign out
      </button>
    </main>
  );
}
