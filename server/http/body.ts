// Reads request bodies with a size limit, so a client cannot make the server buffer arbitrary
// amounts of data: JSON for the API, raw bytes for uploads.
import type { IncomingMessage } from 'node:http';
import { HttpError } from './errors';

export const JSON_BODY_LIMIT_BYTES = 64 * 1024;

const describeLimit = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;

/** The raw body; 413 as soon as the declared or received size passes `limit`. */
export async function readBodyBytes(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, 'payload_too_large', `The request body is larger than ${describeLimit(limit)}.`);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge();

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function readJsonBody(req: IncomingMessage, limit = JSON_BODY_LIMIT_BYTES): Promise<unknown> {
  const text = (await readBodyBytes(req, limit)).toString('utf8');
  if (text.trim() === '') throw new HttpError(400, 'bad_request', 'The request body is empty; send JSON.');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'bad_request', 'The request body is not valid JSON.');
  }
}
