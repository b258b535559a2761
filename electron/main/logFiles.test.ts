import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppLogger, createRotatingLog, LOG_FILE_MAX_BYTES, LOG_FILES_KEPT, LOG_LINE_MAX_CHARS, readLogTail } from './logFiles';

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'inbox-logs-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

const line = (index: number) => `line ${String(index).padStart(4, '0')} ${'x'.repeat(89)}`;

describe('rotating log files', () => {
  it('keep 5 MB × 3 by default', () => {
    expect(LOG_FILE_MAX_BYTES).toBe(5 * 1024 * 1024);
    expect(LOG_FILES_KEPT).toBe(3);
  });

  it('roll over at the size limit and keep only the newest files', () => {
    const logsDir = join(directory, 'logs');
    const log = createRotatingLog(logsDir, 'main.log', { maxBytes: 1000, keep: 3 });
    // 100 bytes a line: ten lines a file, 45 lines fill four files and a half.
    for (let index = 0; index < 45; index += 1) log.write(line(index));
    expect(readdirSync(logsDir).sort()).toEqual(['main.log', 'main.log.1', 'main.log.2']);
    for (const name of readdirSync(logsDir)) expect(statSync(join(logsDir, name)).size).toBeLessThanOrEqual(1000);
    expect(readFileSync(join(logsDir, 'main.log'), 'utf8').split('\n')[0]).toBe(line(40));
    expect(readFileSync(join(logsDir, 'main.log.2'), 'utf8').split('\n')[0]).toBe(line(20));
    // The tail reads the current file and the one before it.
    expect(readLogTail(log.path)).toEqual(Array.from({ length: 15 }, (_, index) => line(index + 30)));
    expect(readLogTail(log.path, 250)).toEqual([line(43), line(44)]);
  });

  it('continue an existing file after a restart, counting what is already there', () => {
    createRotatingLog(directory, 'server.log', { maxBytes: 1000 }).write(line(1));
    const reopened = createRotatingLog(directory, 'server.log', { maxBytes: 1000 });
    for (let index = 2; index <= 10; index += 1) reopened.write(line(index));
    expect(readdirSync(directory)).toEqual(['server.log']);
    reopened.write(line(11));
    expect(readdirSync(directory).sort()).toEqual(['server.log', 'server.log.1']);
  });

  it('cut a runaway line, and never throw when the folder cannot be written', () => {
    const log = createRotatingLog(directory, 'main.log');
    log.write('y'.repeat(LOG_LINE_MAX_CHARS * 2));
    expect(readFileSync(log.path, 'utf8').length).toBe(LOG_LINE_MAX_CHARS + 2);

    const errors: unknown[] = [];
    const blocked = createRotatingLog(join(log.path, 'not-a-folder'), 'main.log', { onError: (error) => errors.push(error) });
    blocked.write('a');
    blocked.write('b');
    expect(errors).toHaveLength(1);
  });

  it('the app logger writes JSON lines and still prints to the console', () => {
    const printed: string[] = [];
    const log = createRotatingLog(directory, 'main.log');
    const logger = createAppLogger(log, () => new Date('2026-03-02T09:00:00.000Z'), {
      log: (text: string) => printed.push(`log ${text}`),
      warn: (text: string) => printed.push(`warn ${text}`),
      error: (text: string) => printed.push(`error ${text}`),
    });
    logger.info('Started');
    logger.error('Something failed');
    expect(readLogTail(log.path).map((entry) => JSON.parse(entry) as unknown)).toEqual([
      { level: 'info', time: '2026-03-02T09:00:00.000Z', msg: 'Started' },
      { level: 'error', time: '2026-03-02T09:00:00.000Z', msg: 'Something failed' },
    ]);
    expect(printed).toEqual(['log Started', 'error Something failed']);
  });
});
