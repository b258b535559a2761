// Owns the app's log files in its data folder (logs/main.log for the app, logs/server.log for
// the embedded server), so IT can send them to support. Each is rotated by size: at 5 MB the
// file becomes main.log.1 (the older .1 becomes .2, and the oldest goes), so at most three
// files of each, 15 MB, are ever kept. Writes are synchronous: the app writes little, and the
// last lines before a crash or an exit are the ones support needs.
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const LOG_FILE_MAX_BYTES = 5 * 1024 * 1024;
export const LOG_FILES_KEPT = 3;
/** A longer line is cut: one runaway message must not push everything else out. */
export const LOG_LINE_MAX_CHARS = 16 * 1024;

export interface RotatingLog {
  readonly path: string;
  write(line: string): void;
}

export interface RotatingLogOptions {
  readonly maxBytes?: number;
  readonly keep?: number;
  /** Told (once) when the file cannot be written; logging never stops the app. */
  readonly onError?: (error: unknown) => void;
}

const rotated = (path: string, index: number) => `${path}.${index}`;

export function createRotatingLog(directory: string, name: string, options: RotatingLogOptions = {}): RotatingLog {
  const { maxBytes = LOG_FILE_MAX_BYTES, keep = LOG_FILES_KEPT, onError = () => undefined } = options;
  const path = join(directory, name);
  let size: number | null = null;
  let failed = false;

  const rotate = () => {
    rmSync(rotated(path, keep - 1), { force: true });
    for (let index = keep - 2; index >= 1; index -= 1) {
      if (existsSync(rotated(path, index))) renameSync(rotated(path, index), rotated(path, index + 1));
    }
    if (keep > 1) renameSync(path, rotated(path, 1));
    else rmSync(path, { force: true });
    size = 0;
  };

  return {
    path,
    write(line) {
      const text = `${line.length > LOG_LINE_MAX_CHARS ? `${line.slice(0, LOG_LINE_MAX_CHARS)}…` : line}\n`;
      const bytes = Buffer.byteLength(text);
      try {
        if (size === null) {
          mkdirSync(directory, { recursive: true });
          size = existsSync(path) ? statSync(path).size : 0;
        }
        if (size > 0 && size + bytes > maxBytes) rotate();
        appendFileSync(path, text);
        size += bytes;
        failed = false;
      } catch (error) {
        // Told once per run of failures, not once per line.
        if (!failed) onError(error);
        failed = true;
        size = null;
      }
    },
  };
}

/** The last `maxBytes` of a log and its previous file, as lines, oldest first. */
export function readLogTail(path: string, maxBytes = 256 * 1024): string[] {
  const chunks: string[] = [];
  let remaining = maxBytes;
  for (const file of [path, rotated(path, 1)]) {
    if (remaining <= 0) break;
    let descriptor: number;
    try {
      descriptor = openSync(file, 'r');
    } catch {
      continue;
    }
    try {
      const fileSize = statSync(file).size;
      const length = Math.min(fileSize, remaining);
      const buffer = Buffer.alloc(length);
      readSync(descriptor, buffer, 0, length, fileSize - length);
      remaining -= length;
      let text = buffer.toString('utf8');
      // A tail that starts mid-line starts after that line's end.
      if (length < fileSize) text = text.slice(text.indexOf('\n') + 1);
      chunks.unshift(text);
    } finally {
      closeSync(descriptor);
    }
  }
  return chunks.join('').split('\n').filter((line) => line.trim() !== '');
}

export type LogLevel = 'info' | 'warn' | 'error';

export interface AppLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** The main process's logger: one JSON line per entry in main.log, and the console as before. */
export function createAppLogger(file: RotatingLog, now: () => Date, echo: Pick<Console, 'log' | 'warn' | 'error'> = console): AppLogger {
  const at = (level: LogLevel) => (message: string) => {
    file.write(JSON.stringify({ level, time: now().toISOString(), msg: message }));
    (level === 'info' ? echo.log : level === 'warn' ? echo.warn : echo.error)(message);
  };
  return { info: at('info'), warn: at('warn'), error: at('error') };
}

/** The app's two logs in `logsDir`: main.log (with its logger) and the embedded server's server.log. */
export function openAppLogs(logsDir: string): { mainLogFile: RotatingLog; serverLogFile: RotatingLog; logger: AppLogger } {
  const onError = (error: unknown) => console.error('The log file cannot be written:', error);
  const mainLogFile = createRotatingLog(logsDir, 'main.log', { onError });
  const serverLogFile = createRotatingLog(logsDir, 'server.log', { onError });
  return { mainLogFile, serverLogFile, logger: createAppLogger(mainLogFile, () => new Date()) };
}
