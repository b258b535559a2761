// Attachment upload and download over HTTP with Bearer tokens: a staff session token or a
// client token. Uploads: staff need Reply to client chats; the type comes from the bytes.
// Downloads: staff with Access at the conversation's location, or the conversation's client;
// an upload not sent yet only to whoever uploaded it.
import type { Attachment } from '../../shared/domain';
import { routes } from '../../shared/http';
import type { StaffSession } from '../auth/sessions.repository';
import { createStaffAccess } from '../auth/staffAccess';
import { bearerToken, hashToken } from '../auth/tokens';
import type { ServerDeps } from '../deps';
import { HttpError } from '../http/errors';
import { BinaryResponse, type ApiRequest, type Route } from '../http/router';
import { senderKey, type Sender } from '../messages/messages.repository';
import type { ClientLimits } from '../limits/clientLimits';
import type { AttachmentRecord } from './attachments.repository';
import { attachmentFileName, contentDisposition, decodeFileNameHeader } from './fileName';
import { sniffContentType } from './fileType';
import { createUploadAllowance, type Uploader } from './uploadAllowance';

/** Uploads waiting to be sent, per sender: enough for a few messages, not a file store. */
export const UNSENT_UPLOADS_MAX = 20;
/** Uploads never sent are deleted after this long (by the maintenance sweep). */
export const UNSENT_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

type Caller = { kind: 'staff'; session: StaffSession } | { kind: 'client'; clientId: number; linkId: number };

const senderOf = (caller: Caller): Sender =>
  caller.kind === 'staff' ? { kind: 'staff', memberId: caller.session.memberId } : { kind: 'client', clientId: caller.clientId };

const attachmentNotFound = () => new HttpError(404, 'not_found', 'This attachment does not exist.');

const uploaderOf = (caller: Caller): Uploader =>
  caller.kind === 'staff' ? { kind: 'staff', memberId: caller.session.memberId } : { kind: 'client', clientId: caller.clientId };

/** The body size the request declares, if it declares a sensible one. */
function declaredLength(request: ApiRequest): number | null {
  const header = request.req.headers['content-length'];
  if (header === undefined || !/^\d{1,15}$/.test(header)) return null;
  return Number(header);
}

export function attachmentRoutes(deps: ServerDeps, { clientLimits }: { clientLimits: ClientLimits }): Route[] {
  const { repos, clock, config } = deps;
  const access = createStaffAccess(deps);
  const allowance = createUploadAllowance(deps);

  function authenticate(request: ApiRequest): Caller {
    const token = bearerToken(request.req.headers.authorization);
    if (token !== null) {
      const tokenHash = hashToken(token);
      const session = access.sessionOf(request);
      if (session) return { kind: 'staff', session };
      const link = repos.clients.linkByToken(tokenHash, config.clientLimits.linkTtlMs, clock.now());
      if (link !== null && repos.clients.findById(link.clientId)) return { kind: 'client', clientId: link.clientId, linkId: link.linkId };
    }
    throw new HttpError(401, 'unauthenticated', 'Send a valid session or client token as "Authorization: Bearer <token>".');
  }

  /** While Client Connect is off nothing flows in either direction (R2). */
  function requireMessagingOn(): void {
    if (!repos.workspace.settings().enabled) {
      throw new HttpError(409, 'messaging_disabled', 'Client messaging is turned off for this business. Attachments are available again when it is turned back on.');
    }
  }

  /** A client link's uploads a minute, counted as each arrives (staff are not limited here). */
  function admitClientUpload(caller: Caller): void {
    if (caller.kind !== 'client') return;
    const retryAfterMs = clientLimits.admitUpload(caller.linkId);
    if (retryAfterMs === 0) return;
    throw new HttpError(429, 'rate_limited', 'You are uploading files too quickly. Wait a moment and try again.', { retryAfterMs }, {
      'Retry-After': String(Math.ceil(retryAfterMs / 1000)),
    });
  }

  async function upload(request: ApiRequest): Promise<Attachment> {
    const caller = authenticate(request);
    admitClientUpload(caller);
    if (caller.kind === 'staff') access.authorize(caller.session, 'POST /api/attachments');
    requireMessagingOn();
    const givenName = decodeFileNameHeader(request.req.headers['x-file-name']);
    if (givenName === null) throw new HttpError(400, 'bad_request', 'The X-File-Name header must be URI-encoded (encodeURIComponent).');

    const key = senderKey(senderOf(caller));
    const now = clock.now();
    // The maintenance sweep deletes them too; doing it here as well keeps the count exact.
    repos.attachments.purgeUnattachedBefore(now - UNSENT_UPLOAD_TTL_MS);
    if (repos.attachments.unattachedCount(key) >= UNSENT_UPLOADS_MAX) {
      throw new HttpError(429, 'rate_limited', `You have ${UNSENT_UPLOADS_MAX} files waiting to be sent. Send them with a message before uploading more.`);
    }
    // Everything above is synchronous: the counts and the reservation are taken before the
    // body, the slow part, is read.
    const uploader = uploaderOf(caller);
    const reservation = allowance.reserve(uploader, key, declaredLength(request));
    try {
      const bytes = await request.readBytes(reservation.limit);
      if (bytes.length === 0) throw new HttpError(400, 'bad_request', 'The file is empty.');
      const contentType = sniffContentType(bytes);
      if (contentType === null) {
        // 415 Unsupported Media Type; the protocol's code for it is bad_request.
        throw new HttpError(415, 'bad_request', 'Only images (PNG, JPEG, GIF, WebP) and PDF files can be attached. This file is neither.');
      }
      const attachment = repos.attachments.create({ senderKey: key, name: attachmentFileName(givenName, contentType), contentType, bytes, createdAt: now });
      allowance.stored(uploader, attachment.size);
      return attachment;
    } finally {
      reservation.release();
    }
  }

  /** Who may download: see the header comment. Whoever may not learns nothing about whether
   * the attachment exists: the same answer as a missing one. */
  function authorizeDownload(caller: Caller, attachment: AttachmentRecord): void {
    const { conversation } = attachment;
    if (conversation === null) {
      if (attachment.senderKey !== senderKey(senderOf(caller))) throw attachmentNotFound();
      return;
    }
    if (caller.kind === 'client') {
      if (conversation.clientId !== caller.clientId) throw attachmentNotFound();
      return;
    }
    access.authorize(caller.session, 'GET /api/attachments/:id');
    if (!caller.session.locationIds.includes(conversation.locationId)) throw attachmentNotFound();
  }

  function download(request: ApiRequest): BinaryResponse {
    const caller = authenticate(request);
    const id = Number(request.params.id);
    if (!/^[1-9]\d{0,15}$/.test(request.params.id ?? '') || !Number.isSafeInteger(id)) throw attachmentNotFound();
    const attachment = repos.attachments.findById(id);
    if (!attachment) throw attachmentNotFound();
    authorizeDownload(caller, attachment);
    requireMessagingOn();
    const bytes = repos.attachments.contents(id);
    if (!bytes) throw attachmentNotFound();
    return new BinaryResponse(bytes, {
      'Content-Type': attachment.contentType,
      'Content-Disposition': contentDisposition(attachment.name),
      'X-Content-Type-Options': 'nosniff',
      // Reception computers are shared and permissions change: nothing is kept in caches.
      'Cache-Control': 'private, no-store',
      // Opened directly, the file can run nothing and load nothing.
      'Content-Security-Policy': "default-src 'none'; sandbox",
    });
  }

  return [
    { method: 'POST', path: routes.attachments, handle: upload },
    { method: 'GET', path: `${routes.attachments}/:id`, handle: download },
  ];
}
