// Top of the staff inbox: signed out → sign-in; signed in → the signed-in app, remounted per
// token so nothing of one member's session leaks into the next member's.
import { use, useCallback, useState } from 'react';
import type { SessionInfo } from '../../shared/domain';
import type { SignInResponse } from '../../shared/http';
import { signOut } from '../api/signIn';
import { createTokenStore } from '../api/tokenStore';
import { getDesktopBridge } from '../desktop/getDesktopBridge';
import { sessionEndedNotice, type SessionEndReason } from '../session/sessionEnded';
import { SignInScreen } from '../session/SignInScreen';
import { SignedInApp } from './SignedInApp';

const bridge = getDesktopBridge();
const serverUrlPromise = bridge.serverUrl();
const tokenStore = createTokenStore(window.sessionStorage, 'frontDeskInbox.sessionToken');

interface Auth {
  token: string;
  /** Known right after sign-in; after a reload it is fetched over the socket. */
  session: SessionInfo | null;
}

export function App() {
  const serverUrl = use(serverUrlPromise);
  const [auth, setAuth] = useState<Auth | null>(() => {
    const token = tokenStore.get();
    return token ? { token, session: null } : null;
  });
  const [notice, setNotice] = useState<string | null>(null);

  const onSignedIn = useCallback((response: SignInResponse) => {
    tokenStore.set(response.token);
    setNotice(null);
    setAuth({ token: response.token, session: response.session });
  }, []);

  const onSessionEnded = useCallback((endedToken: string, reason: SessionEndReason) => {
    // The push and the refused socket both report the same end; the first one's reason stays.
    if (tokenStore.get() !== endedToken) return;
    tokenStore.clear();
    bridge.setBadgeCount(0);
    setNotice(sessionEndedNotice(reason));
    setAuth(null);
  }, []);

  const onSignOut = useCallback(() => {
    if (auth) void signOut(serverUrl, auth.token);
    tokenStore.clear();
    bridge.setBadgeCount(0);
    setNotice('You have signed out.');
    setAuth(null);
  }, [auth, serverUrl]);

  if (!auth) return <SignInScreen serverUrl={serverUrl} notice={notice} onSignedIn={onSignedIn} />;
  return (
    <SignedInApp
      key={auth.token}
      serverUrl={serverUrl}
      token={auth.token}
      initialSession={auth.session}
      bridge={bridge}
      onSessionEnded={onSessionEnded}
      onSignOut={onSignOut}
    />
  );
}
