// Email through SMTP with nodemailer. Each delivery keeps one Message-ID across attempts, so a
// resend after a crash mid-send carries the same id (mail clients and many servers collapse
// duplicates by it; SMTP itself cannot promise exactly once).
import nodemailer from 'nodemailer';
import type { EmailConfig } from '../config';
import { DeliveryError, type DeliveryTransport } from './transports';

const TIMEOUT_MS = 15_000;

const domainOf = (address: string) => /@([^>\s]+)>?\s*$/.exec(address)?.[1] ?? 'front-desk-inbox.invalid';

type SmtpFailure = Error & { code?: string; responseCode?: number; response?: string };

function describe(error: SmtpFailure): DeliveryError {
  if (typeof error.responseCode === 'number') {
    // 5xx: the server refused for good (unknown mailbox, policy); 4xx: try later.
    const reply = (error.response ?? error.message).slice(0, 200);
    return new DeliveryError(`The email server answered ${reply}`, error.responseCode >= 500);
  }
  return new DeliveryError(`Could not reach the email server (${error.code ?? error.message}).`, false);
}

export function createEmailTransport(config: EmailConfig): DeliveryTransport {
  const transporter = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.user ? { user: config.user, pass: config.pass ?? '' } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS * 2,
  });
  const messageDomain = domainOf(config.from);
  return {
    async send(delivery) {
      try {
        await transporter.sendMail({
          from: config.from,
          to: delivery.to,
          subject: delivery.subject,
          text: delivery.text,
          messageId: `<${delivery.idempotencyKey}@${messageDomain}>`,
          headers: { 'X-Inbox-Delivery': delivery.idempotencyKey },
        });
      } catch (error) {
        throw describe(error as SmtpFailure);
      }
    },
    close() {
      transporter.close();
    },
  };
}
