// A blob: URL for an attachment's bytes (fetched with the token, which <img src> can't send),
// revoked when the component goes away so the memory goes with it.
import { useEffect, useState } from 'react';
import { describeError } from '../api/errors';
import type { AttachmentClient } from './attachmentClient';
import { useAttachmentClient } from './AttachmentContext';

type Loaded = { attachmentId: number; url: string } | { attachmentId: number; error: string };

export function useAttachmentObjectUrl(attachmentId: number): { url: string | null; error: string | null } {
  const client = useAttachmentClient();
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    let cancelled = false;
    let url: string | null = null;
    void client.download(attachmentId).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        url = URL.createObjectURL(result.data);
        setLoaded({ attachmentId, url });
      } else {
        setLoaded({ attachmentId, error: describeError(result.error) });
      }
    });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [client, attachmentId]);

  if (!loaded || loaded.attachmentId !== attachmentId) return { url: null, error: null };
  return 'url' in loaded ? { url: loaded.url, error: null } : { url: null, error: loaded.error };
}

/** Saves an attachment to the computer: fetch with the token, then a download link to a blob: URL. */
export async function saveAttachment(client: AttachmentClient, attachment: { id: number; name: string }): Promise<string | null> {
  const result = await client.download(attachment.id);
  if (!result.ok) return describeError(result.error);
  const url = URL.createObjectURL(result.data);
  const link = document.createElement('a');
  link.href = url;
  link.download = attachment.name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; give slow disks a generous margin anyway.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return null;
}
