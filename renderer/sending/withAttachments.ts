// The optional attachmentIds field of message:send, left out when there are none so a plain
// text message keeps the payload it always had.
export const withAttachments = (attachmentIds: number[]): { attachmentIds?: number[] } =>
  attachmentIds.length > 0 ? { attachmentIds } : {};
