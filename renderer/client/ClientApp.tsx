// Top of the client page: the token from the link, the connection, then the page itself, or a
// plain explanation when the link is missing or no longer valid.
import { useEffect, useMemo } from 'react';
import { useConnectionStatus } from '../api/useConnectionStatus';
import { createAttachmentClient } from '../attachments/attachmentClient';
import { AttachmentContext } from '../attachments/AttachmentContext';
import { describeClientError, INVALID_LINK_MESSAGE } from './clientErrors';
import { ClientHome } from './ClientHome';
import { CLIENT_TOKEN_KEY, takeClientToken, tokenFromHash } from './clientToken';
import { useClientConnection } from './useClientConnection';
import { useClientOutbox } from '../sending/useClientOutbox';
import { useClientOverview } from './useClientOverview';

const takeTokenFromPage = () =>
  takeClientToken({
    hash: window.location.hash,
    storage: window.sessionStorage,
    clearHash: () => window.history.replaceState(null, '', window.location.pathname + window.location.search),
  });

const token = takeTokenFromPage();

// A new link opened in a tab that already shows the page changes only the fragment, which does
// not reload it: take the new token and start over with it.
window.addEventListener('hashchange', () => {
  if (tokenFromHash(window.location.hash) === null) return;
  takeTokenFromPage();
  window.location.reload();
});

const MISSING_LINK_MESSAGE =
  'This page needs the personal link from your booking confirmation. Open that link again to see your appointments and messages.';

export function ClientApp() {
  if (!token) return <PageProblem message={MISSING_LINK_MESSAGE} />;
  return <ClientSession token={token} />;
}

function ClientSession({ token }: { token: string }) {
  const { socket, api, linkRefused } = useClientConnection(window.location.origin, token);
  const status = useConnectionStatus(socket);
  const { overview, error, messagingOff, refresh } = useClientOverview(api);
  // Messages written while offline wait on this device, so the page needs to know whose they are.
  const outbox = useClientOutbox(api, socket, overview?.client.id ?? null);
  // Files go over HTTP to the page's own origin, with the link's token.
  const attachments = useMemo(() => createAttachmentClient(window.location.origin, token), [token]);

  useEffect(() => {
    if (linkRefused) window.sessionStorage.removeItem(CLIENT_TOKEN_KEY);
  }, [linkRefused]);

  if (linkRefused) return <PageProblem message={INVALID_LINK_MESSAGE} />;
  if (!overview || !outbox) {
    return (
      <main className="centered-screen">
        <div className="centered-screen__card" role="status">
          <h1 className="centered-screen__title">{status === 'connecting' || status === 'connected' ? 'Loading…' : 'Offline — reconnecting…'}</h1>
          {error && <p>{describeClientError(error)}</p>}
        </div>
      </main>
    );
  }
  return (
    <AttachmentContext value={attachments}>
      <ClientHome api={api} outbox={outbox} overview={overview} messagingOff={messagingOff} status={status} refresh={refresh} />
    </AttachmentContext>
  );
}

function PageProblem({ message }: { message: string }) {
  return (
    <main className="centered-screen">
      <div className="centered-screen__card">
        <h1 className="centered-screen__title">We can't open your messages</h1>
        <p role="alert">{message}</p>
      </div>
    </main>
  );
}
