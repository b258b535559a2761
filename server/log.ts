// Structured logs: one JSON object per line ({"level","time","msg", …fields}) on stderr, which
// journald, Windows event forwarders and log shippers read as is. stdout carries only the lines
// launchers parse (the listening line, demo hints).
import { pino, type DestinationStream } from 'pino';

export type LogFields = Record<string, unknown>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/**
 * `destination` defaults to stderr, written synchronously so the last lines before a
 * process.exit (a failed start, the end of a shutdown) are never lost.
 */
export function createJsonLogger(destination: DestinationStream = pino.destination({ fd: 2, sync: true })): Logger {
  const logger = pino(
    {
      // pid and hostname are the service manager's business; keep lines short.
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Errors serialise to `{}` by default; keep what an operator needs to find the cause.
      serializers: { error: pino.stdSerializers.err, err: pino.stdSerializers.err },
    },
    destination,
  );
  const at = (level: 'info' | 'warn' | 'error') => (message: string, fields?: LogFields) => {
    if (fields === undefined) logger[level](message);
    else logger[level](fields, message);
  };
  return { info: at('info'), warn: at('warn'), error: at('error') };
}

export const consoleLogger: Logger = createJsonLogger();

export type LogEntry = { level: 'info' | 'warn' | 'error'; message: string; fields?: LogFields };

/** Keeps entries in memory; tests read them to check that failures are logged, not leaked. */
export function createMemoryLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const record = (level: LogEntry['level']) => (message: string, fields?: LogFields) => {
    entries.push(fields === undefined ? { level, message } : { level, message, fields });
  };
  return { entries, info: record('info'), warn: record('warn'), error: record('error') };
}
