// GET /api/health: the one route that needs no credentials, for launchers and monitoring.
import type { z } from 'zod';
import { version } from '../../package.json';
import { routes, type healthResponseSchema } from '../../shared/http';
import type { Clock } from '../clock';
import type { Route } from './router';

export const SERVER_VERSION = version;

export function healthRoutes(clock: Clock): Route[] {
  const startedAt = clock.now();
  const health = (): z.infer<typeof healthResponseSchema> => ({
    status: 'ok',
    version: SERVER_VERSION,
    uptimeSeconds: Math.max(0, Math.round((clock.now() - startedAt) / 1000)),
  });
  return [{ method: 'GET', path: routes.health, handle: health }];
}
