// First run of an inbox started with --setup (the desktop app does, on the computer that hosts
// the server): the app asks whether the database is still empty and then creates the business
// and its owner — who is signed in at once — or loads the demo salon instead. Only requests from
// this same computer, addressed to it by a loopback name, may do it: a LAN neighbour must not
// claim an unset server, nor a web page whose own host name was pointed at 127.0.0.1 (DNS
// rebinding: its Host and Origin name that site, which the general origin check accepts as
// same-origin). And only once: the first to finish wins, every later one is told it is set up.
import { DESKTOP_ORIGIN, routes, setupRequestSchema, type SetupState, type SignInResponse } from '../../shared/http';
import { hashPassword } from '../auth/password';
import { startSession } from '../auth/startSession';
import type { ServerDeps } from '../deps';
import { seedDemo } from '../demo/seed';
import { HttpError, parseOrThrow } from '../http/errors';
import type { ApiRequest, Route } from '../http/router';
import { createFirstWorkspace } from './firstWorkspace';

/** The connection comes from this computer. */
export const isLoopbackAddress = (address: string): boolean =>
  address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1' || address.startsWith('127.');

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A Host header ("127.0.0.1:4780") or origin naming this computer by a loopback name. */
export function namesLoopback(hostOrOrigin: string | undefined): boolean {
  if (hostOrOrigin === undefined) return false;
  try {
    const url = new URL(hostOrOrigin.includes('://') ? hostOrOrigin : `http://${hostOrOrigin}`);
    return LOOPBACK_NAMES.has(url.hostname);
  } catch {
    return false;
  }
}

const alreadySetUp = () => new HttpError(409, 'conflict', 'This inbox is already set up. Sign in instead.');

export function setupRoutes(deps: ServerDeps): Route[] {
  const { repos, clock, config, log } = deps;
  const isRequired = () => repos.workspace.get() === null;

  function state(): SetupState {
    const required = isRequired();
    return { required, available: required && config.setup };
  }

  function allowSetup(request: ApiRequest): void {
    if (!config.setup) throw new HttpError(403, 'forbidden', 'This server is not set up from the app. Ask whoever runs it.');
    const { host, origin } = request.req.headers;
    const fromThisComputer =
      isLoopbackAddress(request.ip) && namesLoopback(host) && (origin === undefined || origin === DESKTOP_ORIGIN || namesLoopback(origin));
    if (!fromThisComputer) throw new HttpError(403, 'forbidden', 'Set up the inbox on the computer it runs on.');
    if (!isRequired()) throw alreadySetUp();
  }

  async function setUp(request: ApiRequest): Promise<SignInResponse> {
    allowSetup(request);
    const input = parseOrThrow(setupRequestSchema, await request.readJson());
    const passwordHash = await hashPassword(input.password);
    const created = createFirstWorkspace(
      repos,
      {
        workspaceName: input.workspaceName,
        country: input.country,
        locationName: input.locationName,
        owner: { name: input.ownerName, email: input.email, passwordHash },
      },
      clock.now(),
    );
    if (!created) throw alreadySetUp();
    log.info('Workspace set up from the app', { ownerId: created.ownerId });
    return startSession(deps, { id: created.ownerId, role: 'owner', groupGrants: null }, 'password');
  }

  async function loadDemo(request: ApiRequest): Promise<SetupState> {
    allowSetup(request);
    const seeded = repos.transaction(() => (isRequired() ? seedDemo(repos, clock.now()) : null));
    if (!seeded) throw alreadySetUp();
    log.info('Demo salon loaded from the app');
    return state();
  }

  return [
    { method: 'GET', path: routes.setup, handle: state },
    { method: 'POST', path: routes.setup, handle: setUp },
    { method: 'POST', path: routes.setupDemo, handle: loadDemo },
  ];
}
