// Test helper for guessing tests: JSON POSTs over node:http (so a request can come from another
// loopback address, e.g. 127.0.0.2, as from another computer) and the parts of an answer an
// attacker can see, to compare a refused right secret with a refused wrong one.
import { request } from 'node:http';

export type Answer = { status: number; body: string; headers: Record<string, string | string[] | undefined> };

export function postJson(baseUrl: string, path: string, body: unknown, options: { token?: string; from?: string } = {}): Promise<Answer> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      `${baseUrl}${path}`,
      {
        method: 'POST',
        localAddress: options.from,
        // A fresh connection per request, so each is in flight on its own.
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: response.headers }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

/** Everything an answer shows but the Date header (which only says when it was sent). */
export function seenByCaller(answer: Answer): Omit<Answer, 'headers'> & { headers: Record<string, unknown> } {
  const { date: _date, ...headers } = answer.headers;
  return { status: answer.status, body: answer.body, headers };
}

/** How many of these answers have this status. */
export const countStatus = (answers: readonly Answer[], status: number) => answers.filter((answer) => answer.status === status).length;
