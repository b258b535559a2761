// The owners' warning that attachment storage is nearly full, in plain words.
export type StorageStatus = { usedBytes: number; quotaBytes: number; warnAtBytes: number };

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/** Null below the warning mark; otherwise what owners should know and do. */
export function storageWarningText({ usedBytes, quotaBytes, warnAtBytes }: StorageStatus): string | null {
  if (usedBytes < warnAtBytes) return null;
  const percent = Math.min(100, Math.floor((usedBytes / quotaBytes) * 100));
  const state = usedBytes >= quotaBytes ? 'is full: new attachments are refused' : 'is nearly full';
  return `Attachment storage ${state} (${percent} % used: ${megabytes(usedBytes)} of ${megabytes(quotaBytes)}). Ask whoever runs the inbox server to raise INBOX_ATTACHMENT_STORAGE_MB.`;
}
