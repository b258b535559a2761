// How chat components reach attachments: each page provides its own client (staff session
// token or the client's link token), so the shared chat pieces need not know which page they are on.
import { createContext, use } from 'react';
import type { AttachmentClient } from './attachmentClient';

export const AttachmentContext = createContext<AttachmentClient | null>(null);

export function useAttachmentClient(): AttachmentClient {
  const client = use(AttachmentContext);
  if (!client) throw new Error('Chat components need an AttachmentContext provider.');
  return client;
}
