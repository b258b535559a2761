// Test providers for client deliveries, both real servers on 127.0.0.1:0: an SMTP server
// (smtp-server) that keeps every email it accepts, and an HTTP text message provider that keeps
// every text and, like real providers, honours Idempotency-Key. Each can be switched "down".
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { EmailConfig, SmsConfig } from '../config';

export type ReceivedEmail = { to: string; subject: string; messageId: string; deliveryKey: string; raw: string };
export type ReceivedText = { to: string; text: string; from?: string; idempotencyKey: string; authorization: string };

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=), as mail clients show them. */
const decodeWords = (value: string): string =>
  value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_word, encoding: string, text: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
    );

const header = (raw: string, name: string): string => {
  const match = new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(raw);
  return decodeWords(match?.[1]?.replace(/\r?\n[ \t]/g, ' ').trim() ?? '');
};

export type SmtpSink = {
  config: EmailConfig;
  received: ReceivedEmail[];
  /** While down, every mail is refused with a temporary 451 (try again later). */
  down: boolean;
  /** Addresses refused for good (550). */
  rejects: Set<string>;
  close(): Promise<void>;
};

export async function startSmtpSink(): Promise<SmtpSink> {
  const sink = { received: [] as ReceivedEmail[], down: false, rejects: new Set<string>() };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (!sink.down) return callback();
      callback(Object.assign(new Error('Service temporarily unavailable'), { responseCode: 451 }));
    },
    onRcptTo(address, _session, callback) {
      if (!sink.rejects.has(address.address)) return callback();
      callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        sink.received.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address).join(','),
          subject: header(raw, 'Subject'),
          messageId: header(raw, 'Message-ID'),
          deliveryKey: header(raw, 'X-Inbox-Delivery'),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(sink, {
    config: { host: '127.0.0.1', port, secure: false, user: null, pass: null, from: 'Lumen Hair Studio <hello@lumen.example>' },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

export type SmsSink = {
  config: SmsConfig;
  /** Every POST that reached the provider, accepted or not. */
  requests: ReceivedText[];
  /** Texts actually sent: one per idempotency key. */
  sent: ReceivedText[];
  /** While down, answers 503. */
  down: boolean;
  close(): Promise<void>;
};

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

export const SMS_TEST_KEY = 'sms-test-key-0123456789';

export async function startSmsSink(): Promise<SmsSink> {
  const sink = { requests: [] as ReceivedText[], sent: [] as ReceivedText[], down: false };
  const server: Server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const parsed = JSON.parse(body) as { to: string; text: string; from?: string };
      const text: ReceivedText = {
        ...parsed,
        idempotencyKey: String(request.headers['idempotency-key'] ?? ''),
        authorization: String(request.headers.authorization ?? ''),
      };
      sink.requests.push(text);
      if (request.headers.authorization !== `Bearer ${SMS_TEST_KEY}`) return response.writeHead(401).end();
      if (sink.down) return response.writeHead(503).end();
      if (!sink.sent.some((sent) => sent.idempotencyKey === text.idempotencyKey)) sink.sent.push(text);
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: text.idempotencyKey }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(sink, {
    config: { url: `http://127.0.0.1:${port}/messages`, key: SMS_TEST_KEY, from: 'Lumen' },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  });
}
