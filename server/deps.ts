// What every handler may use. createServer builds it once; tests build it around a temp file.
import type { HashGate } from './auth/hashGate';
import type { Clock } from './clock';
import type { ServerConfig } from './config';
import type { Logger } from './log';
import type { Repositories } from './repositories';

export type ServerDeps = {
  repos: Repositories;
  clock: Clock;
  config: ServerConfig;
  log: Logger;
  /** Every password and PIN hash goes through it, so hashing never crowds out the rest. */
  hashing: HashGate;
};
