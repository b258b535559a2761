// Top of the staff inbox: signed out → sign-in (or, on the first run of an app that hosts its own
// inbox, setting it up); signed in → the signed-in app, remounted per token so nothing of one
// member's session leaks into the next member's.
import { use, useCallback, useMemo, useState } from 'react';
import type { SessionInfo } from '../../shared/domain';
import type { SignInResponse } from '../../shared/http';
import type { FirstInbox } from '../../shared/inboxPage';
import { signOut } from '../api/signIn';
import { createTokenStore } from '../api/tokenStore';
import { getDesktopBridge } from '../desktop/getDesktopBridge';
import { preloadInboxFilter } from '../inbox/useInboxFilter';
import { LockContext } from '../reception/LockContext';
import { LockScreen } from '../reception/LockScreen';
import { createReceptionApi } from '../reception/receptionApi';
import { ReceptionContext } from '../reception/ReceptionContext';
import { planSwitch } from '../reception/switchMember';
import { refreshReceptionDevice } from '../reception/receptionDevice';
import { useHasReceptionDevice } from '../reception/useHasReceptionDevice';
import { useReceptionLock } from '../reception/useReceptionLock';
import { sessionEndedNotice, type SessionEndReason } from '../session/sessionEnded';
import { SignInScreen } from '../session/SignInScreen';
import { createSetupApi } from '../setup/setupApi';
import { SetupScreen } from '../setup/SetupScreen';
import { useSetupState } from '../setup/useSetupState';
import { SignedInApp } from './SignedInApp';

const bridge = getDesktopBridge();
const serverUrlPromise = bridge.serverUrl();
const tokenStore = createTokenStore(window.sessionStorage, 'frontDeskInbox.sessionToken');
const DEMO_READY = 'The demo salon is ready. Sign in as olivia@lumen.example (the owner) with the password lumen-demo; every demo team member has that password.';

interface Auth {
  token: string;
  /** Known right after sign-in; after a reload it is fetched over the socket. */
  session: SessionInfo | null;
  /** The inbox the sign-in answered with; after a reload the socket brings it. */
  firstInbox: FirstInbox | null;
}

/** Longest the signed-in screens wait for the saved inbox view (a preference read). */
const INBOX_VIEW_WAIT_MS = 100;

/** The auth of a sign-in's answer, once the member's saved inbox view has been read (or not
 * soon enough): the inbox then knows its view in its first render and draws the answer's rows. */
async function authOnceViewKnown(response: SignInResponse): Promise<Auth> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    preloadInboxFilter(bridge, response.session.member.id),
    new Promise((resolve) => {
      timer = setTimeout(resolve, INBOX_VIEW_WAIT_MS);
    }),
  ]);
  clearTimeout(timer);
  return { token: response.token, session: response.session, firstInbox: response.firstInbox ?? null };
}

export function App() {
  const serverUrl = use(serverUrlPromise);
  const [auth, setAuth] = useState<Auth | null>(() => {
    const token = tokenStore.get();
    return token ? { token, session: null, firstInbox: null } : null;
  });
  const [notice, setNotice] = useState<string | null>(null);
  // Who the lock screen says is signed in underneath (known at sign-in, or once the app loads).
  const [signedInName, setSignedInName] = useState<string | null>(null);
  const { state: lockState, unlock } = useReceptionLock(bridge, auth !== null);
  // Signed out on a reception computer, the next member may sign in with a PIN instead.
  const receptionComputer = useHasReceptionDevice(bridge, auth !== null);
  const [signingInWithPin, setSigningInWithPin] = useState(false);
  const receptionApi = useMemo(() => createReceptionApi(serverUrl), [serverUrl]);
  const setupApi = useMemo(() => createSetupApi(serverUrl), [serverUrl]);
  const setup = useSetupState(setupApi, auth === null);
  const token = auth?.token ?? null;
  const reception = useMemo(() => token && { api: receptionApi, sessionToken: token }, [receptionApi, token]);

  const onSignedIn = useCallback(
    (response: SignInResponse) => {
      tokenStore.set(response.token);
      setNotice(null);
      void authOnceViewKnown(response).then((signedIn) => {
        setAuth(signedIn);
        unlock();
      });
      // A password sign-in on a reception computer renews it (and lifts a wrong-PIN lockout).
      void refreshReceptionDevice(receptionApi, bridge, response.token);
    },
    [receptionApi, unlock],
  );

  // A PIN sign-in on the lock screen (or on the sign-in screen of a reception computer).
  const onSwitched = useCallback(
    (response: SignInResponse) => {
      const current = auth && { token: auth.token, memberId: auth.session?.member.id ?? null };
      const plan = planSwitch(current, { token: response.token, memberId: response.session.member.id });
      if (plan.signOutToken) void signOut(serverUrl, plan.signOutToken);
      if (plan.kind === 'replace') {
        tokenStore.set(response.token);
        setNotice(null);
        setAuth({ token: response.token, session: response.session, firstInbox: response.firstInbox ?? null });
      }
      setSigningInWithPin(false);
      unlock();
    },
    [auth, serverUrl, unlock],
  );

  const onSessionKnown = useCallback((session: SessionInfo) => setSignedInName(session.member.name), []);

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

  if (!auth || !reception) {
    if (setup.state?.available) {
      return (
        <SetupScreen
          api={setupApi}
          onSignedIn={(response) => {
            setup.setUpDone();
            onSignedIn(response);
          }}
          onDemoReady={() => {
            setup.setUpDone();
            setNotice(DEMO_READY);
          }}
        />
      );
    }
    if (signingInWithPin) {
      return (
        <LockScreen serverUrl={serverUrl} bridge={bridge} signedOut onSwitched={onSwitched} onUsePassword={() => setSigningInWithPin(false)} />
      );
    }
    return (
      <SignInScreen
        serverUrl={serverUrl}
        notice={notice}
        onSignedIn={onSignedIn}
        onUsePin={receptionComputer ? () => setSigningInWithPin(true) : undefined}
      />
    );
  }
  // Locked, the signed-in app stays mounted but hidden, so its connection keeps notifying.
  return (
    <LockContext value={lockState}>
      <ReceptionContext value={reception}>
        <div className="lock-frame" hidden={lockState.locked}>
          <SignedInApp
            key={auth.token}
            serverUrl={serverUrl}
            token={auth.token}
            initialSession={auth.session}
            firstInbox={auth.firstInbox}
            bridge={bridge}
            onSessionEnded={onSessionEnded}
            onSignOut={onSignOut}
            onSessionKnown={onSessionKnown}
          />
        </div>
        {lockState.locked && (
          <LockScreen
            serverUrl={serverUrl}
            bridge={bridge}
            signedInName={signedInName ?? auth.session?.member.name ?? null}
            onSwitched={onSwitched}
            onUsePassword={onSignOut}
          />
        )}
      </ReceptionContext>
    </LockContext>
  );
}
