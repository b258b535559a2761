// Names of the performance marks the staff app sets on its way from the sign-in answer to the
// first conversation rows (each once per page load), so a profile or the desktop footprint
// bench can say where that time went. Plain names: the bench reads them from the page.
export const STARTUP_MARKS = {
  /** The signed-in screens were first committed to the DOM. */
  signedInScreens: 'startup:signed-in-screens',
  /** The staff socket connected (socket.io's handshake done, the namespace joined). */
  socketConnected: 'startup:socket-connected',
  /** The answer to the first `session:get`. */
  sessionAnswered: 'startup:session-answered',
  /** The first `conversation:list` asked over the socket, and its answer. */
  firstPageRequested: 'startup:first-page-requested',
  firstPageAnswered: 'startup:first-page-answered',
  /** The inbox first had rows to draw, and where they came from. */
  firstPageFromSignIn: 'startup:first-page-from-sign-in',
  firstPageFromSocket: 'startup:first-page-from-socket',
  firstPageFromCache: 'startup:first-page-from-cache',
} as const;

export type StartupMark = (typeof STARTUP_MARKS)[keyof typeof STARTUP_MARKS];
