// Client limits, link lifetime and the storage quota come from INBOX_* variables with defaults;
// a bad value stops the server with one line naming the variable.
import { describe, expect, it } from 'vitest';
import { parseConfig, type ConfigOutcome } from '../config';

const limitsOf = (outcome: ConfigOutcome) => {
  if (outcome.kind !== 'config') throw new Error(`expected a config, got ${JSON.stringify(outcome)}`);
  return outcome.config.clientLimits;
};
const MB = 1024 * 1024;
const DAY_MS = 86_400_000;

describe('client limits configuration', () => {
  it('has defaults', () => {
    expect(limitsOf(parseConfig([], {}))).toEqual({
      messagesPerMinute: 20,
      uploadsPerMinute: 10,
      uploadBytesPerDay: 100 * MB,
      linkTtlMs: 90 * DAY_MS,
      storageQuotaBytes: 5120 * MB,
      maintenanceIntervalMs: 60 * 60 * 1000,
    });
  });

  it('reads the environment', () => {
    const env = {
      INBOX_CLIENT_MESSAGES_PER_MINUTE: '5',
      INBOX_CLIENT_UPLOADS_PER_MINUTE: '2',
      INBOX_CLIENT_UPLOAD_MB_PER_DAY: '20',
      INBOX_CLIENT_LINK_DAYS: '30',
      INBOX_ATTACHMENT_STORAGE_MB: '2048',
    };
    expect(limitsOf(parseConfig([], env))).toMatchObject({
      messagesPerMinute: 5,
      uploadsPerMinute: 2,
      uploadBytesPerDay: 20 * MB,
      linkTtlMs: 30 * DAY_MS,
      storageQuotaBytes: 2048 * MB,
    });
    expect(limitsOf(parseConfig([], { INBOX_CLIENT_LINK_DAYS: '' })).linkTtlMs).toBe(90 * DAY_MS);
  });

  it.each([
    ['INBOX_CLIENT_MESSAGES_PER_MINUTE', '0', 'must be at least 1'],
    ['INBOX_CLIENT_UPLOADS_PER_MINUTE', 'lots', 'must be a number of uploads'],
    ['INBOX_CLIENT_UPLOAD_MB_PER_DAY', '1.5', 'must be a whole number'],
    ['INBOX_CLIENT_LINK_DAYS', '4000', 'must be at most 3650'],
    ['INBOX_ATTACHMENT_STORAGE_MB', '-1', 'must be at least 1'],
  ])('refuses %s=%s', (name, value, why) => {
    expect(parseConfig([], { [name]: value })).toEqual({ kind: 'error', message: `Invalid ${name}: ${why}` });
  });

  it('lists the variables in --help', () => {
    const help = parseConfig(['--help'], {});
    expect(help.kind === 'help' && help.text).toMatch(/INBOX_CLIENT_LINK_DAYS[\s\S]*INBOX_ATTACHMENT_STORAGE_MB/);
  });
});
