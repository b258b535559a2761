import { describe, expect, it } from 'vitest';
import { storageWarningText } from './storageWarning';

const MB = 1024 * 1024;

describe('storageWarningText', () => {
  it('says nothing below the warning mark', () => {
    expect(storageWarningText({ usedBytes: 79 * MB, quotaBytes: 100 * MB, warnAtBytes: 80 * MB })).toBeNull();
  });

  it('warns from the mark on, and says when storage is full', () => {
    expect(storageWarningText({ usedBytes: 80 * MB, quotaBytes: 100 * MB, warnAtBytes: 80 * MB })).toBe(
      'Attachment storage is nearly full (80 % used: 80 MB of 100 MB). Ask whoever runs the inbox server to raise INBOX_ATTACHMENT_STORAGE_MB.',
    );
    expect(storageWarningText({ usedBytes: 100 * MB, quotaBytes: 100 * MB, warnAtBytes: 80 * MB })).toMatch(
      /^Attachment storage is full: new attachments are refused \(100 % used/,
    );
  });
});
