// Test helper: uploads that are all in flight before any of them can be answered. Each request
// sends its headers and all but the last byte of its body, and only once every request has done
// so do the last bytes go out. A request the server admits cannot finish before then; one it
// refuses at admission may be answered early, which is what a limit should do.
import { request as httpRequest } from 'node:http';
import { routes } from '../../shared/http';

export type UploadAnswer = { status: number; retryAfter: string | undefined; body: { error?: { code: string; message: string; details?: unknown }; id?: number; size?: number } };

type HeldUpload = { flushed: Promise<void>; answer: Promise<UploadAnswer>; finish(): void };

function heldUpload(url: string, token: string, bytes: Uint8Array, name: string): HeldUpload {
  const req = httpRequest(`${url}${routes.attachments}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/octet-stream',
      'content-length': String(bytes.length),
      'x-file-name': encodeURIComponent(name),
    },
  });
  let answered = false;
  const answer = new Promise<UploadAnswer>((resolve, reject) => {
    req.on('response', (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const retryAfter = response.headers['retry-after'];
        resolve({ status: response.statusCode ?? 0, retryAfter, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as UploadAnswer['body'] });
      });
    });
    // Writing the last byte to a request the server already refused may fail; the answer stands.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
  });
  const flushed = new Promise<void>((resolve) => req.write(bytes.subarray(0, bytes.length - 1), () => resolve()));
  return { flushed, answer, finish: () => req.end(bytes.subarray(bytes.length - 1)) };
}

/** Fires every upload at once (see the header) and resolves with their answers, in order. */
export async function uploadAllAtOnce(url: string, uploads: readonly { token: string; bytes: Uint8Array; name: string }[]): Promise<UploadAnswer[]> {
  const held = uploads.map(({ token, bytes, name }) => heldUpload(url, token, bytes, name));
  await Promise.all(held.map((upload) => upload.flushed));
  for (const upload of held) upload.finish();
  return Promise.all(held.map((upload) => upload.answer));
}
