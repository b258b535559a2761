// Logs go to stderr as one line each, so stdout carries only the lines launchers parse (the
// listening line, demo hints).
export type LogFields = Record<string, unknown>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

function write(level: string, message: string, fields?: LogFields): void {
  const suffix = fields === undefined ? '' : ` ${JSON.stringify(fields, errorReplacer)}`;
  process.stderr.write(`${new Date().toISOString()} ${level} ${message}${suffix}\n`);
}

/** Errors serialise to `{}` by default; keep what an operator needs to find the cause. */
function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

export const consoleLogger: Logger = {
  info: (message, fields) => write('INFO', message, fields),
  warn: (message, fields) => write('WARN', message, fields),
  error: (message, fields) => write('ERROR', message, fields),
};

export type LogEntry = { level: 'info' | 'warn' | 'error'; message: string; fields?: LogFields };

/** Keeps entries in memory; tests read them to check that failures are logged, not leaked. */
export function createMemoryLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const record = (level: LogEntry['level']) => (message: string, fields?: LogFields) => {
    entries.push(fields === undefined ? { level, message } : { level, message, fields });
  };
  return { entries, info: record('info'), warn: record('warn'), error: record('error') };
}
