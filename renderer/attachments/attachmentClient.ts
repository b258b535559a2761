// Attachments over HTTP: upload a file, download one as a Blob. Both carry the session (or
// client) token as a Bearer header, so an <img src> can't fetch them: the page fetches the
// bytes and shows them through a blob: URL.
import { z } from 'zod';
import { attachmentSchema, type Attachment } from '../../shared/domain';
import { routes } from '../../shared/http';
import { appErrorSchema, err, ok, type ErrorCode, type Result } from '../../shared/result';
import { parseIncoming } from '../api/parseIncoming';

export interface AttachmentClient {
  upload(file: Blob & { name: string }): Promise<Result<Attachment>>;
  download(attachmentId: number): Promise<Result<Blob>>;
}

const errorBodySchema = z.object({ error: appErrorSchema });

const codeForStatus = (status: number): ErrorCode => {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limited';
  return status >= 500 ? 'unavailable' : 'bad_request';
};

/** The server's `{ error }` body when it sent one; otherwise an error named after the status. */
async function failureOf(response: Response): Promise<Result<never>> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's page, an empty body): fall back to the status.
  }
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) return { ok: false, error: parsed.data.error };
  return err(codeForStatus(response.status), `The server refused the file (HTTP ${response.status}).`);
}

const unreachable = () => err('unavailable', "Can't reach the inbox server. Check the connection and try again.");

/** How many downloaded files to keep in memory, so a chat re-rendering does not re-download. */
const CACHE_SIZE = 40;

export function createAttachmentClient(serverUrl: string, token: string, fetchImpl: typeof fetch = fetch): AttachmentClient {
  const authorization = `Bearer ${token}`;
  const downloads = new Map<number, Promise<Result<Blob>>>();

  const fetchBlob = async (attachmentId: number): Promise<Result<Blob>> => {
    try {
      const response = await fetchImpl(new URL(routes.attachment(attachmentId), serverUrl), { headers: { authorization } });
      return response.ok ? ok(await response.blob()) : await failureOf(response);
    } catch {
      return unreachable();
    }
  };

  return {
    async upload(file) {
      let response: Response;
      try {
        response = await fetchImpl(new URL(routes.attachments, serverUrl), {
          method: 'POST',
          headers: { authorization, 'content-type': file.type, 'x-file-name': encodeURIComponent(file.name) },
          body: file,
        });
      } catch {
        return unreachable();
      }
      if (!response.ok) return failureOf(response);
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        body = null;
      }
      return parseIncoming(attachmentSchema, body, 'upload answer');
    },

    download(attachmentId) {
      const cached = downloads.get(attachmentId);
      if (cached) {
        // Most recently used last, so the oldest is the one to drop.
        downloads.delete(attachmentId);
        downloads.set(attachmentId, cached);
        return cached;
      }
      const pending = fetchBlob(attachmentId).then((result) => {
        // Failures are not kept: the next look may succeed (e.g. once back online).
        if (!result.ok) downloads.delete(attachmentId);
        return result;
      });
      downloads.set(attachmentId, pending);
      while (downloads.size > CACHE_SIZE) {
        const oldest = downloads.keys().next().value;
        if (oldest === undefined) break;
        downloads.delete(oldest);
      }
      return pending;
    },
  };
}
