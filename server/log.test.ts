import { describe, expect, it } from 'vitest';
import { createJsonLogger } from './log';

function capture() {
  const lines: string[] = [];
  return { lines, logger: createJsonLogger({ write: (chunk: string) => lines.push(chunk) }) };
}

describe('createJsonLogger', () => {
  it('writes one JSON line per entry with level, time, msg and the fields', () => {
    const { lines, logger } = capture();
    logger.info('Database migrated', { file: '/srv/inbox.sqlite3', applied: [1, 2] });
    logger.warn('Slow request');
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n'))).toBe(true);
    const [migrated, slow] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(migrated).toEqual({ level: 'info', time: expect.any(String), msg: 'Database migrated', file: '/srv/inbox.sqlite3', applied: [1, 2] });
    expect(new Date(String(migrated?.time)).toISOString()).toBe(migrated?.time);
    expect(slow).toEqual({ level: 'warn', time: expect.any(String), msg: 'Slow request' });
  });

  it('keeps an error’s name, message and stack', () => {
    const { lines, logger } = capture();
    logger.error('The server could not start', { error: new RangeError('port out of range') });
    const entry = JSON.parse(lines[0]!) as { level: string; error: { type: string; message: string; stack: string } };
    expect(entry.level).toBe('error');
    expect(entry.error).toMatchObject({ type: 'RangeError', message: 'port out of range' });
    expect(entry.error.stack).toContain('RangeError: port out of range');
  });
});
