// What every handler may use. createServer builds it once; tests build it around a temp file.
import type { Clock } from './clock';
import type { ServerConfig } from './config';
import type { Logger } from './log';
import type { Repositories } from './repositories';

export type ServerDeps = {
  repos: Repositories;
  clock: Clock;
  config: ServerConfig;
  log: Logger;
};
