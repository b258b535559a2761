// How many bytes an upload may bring: the workspace's storage quota (everyone's uploads) and,
// for clients, their daily upload limit. An upload reserves its bytes when it is admitted,
// before its body is read, so uploads fired at once cannot together pass a limit that each
// would pass alone; the reservation is released once the upload is stored or refused.
// Owners are warned (an audit entry, a banner in Settings) when storage passes 80 % of the quota.
import { ATTACHMENT_MAX_BYTES } from '../../shared/domain';
import type { ServerDeps } from '../deps';
import { HttpError } from '../http/errors';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Share of the quota at which owners are warned. */
export const STORAGE_WARNING_SHARE = 0.8;

export type Uploader = { kind: 'staff'; memberId: number } | { kind: 'client'; clientId: number };

export type Reservation = {
  /** The most bytes the body may have. */
  limit: number;
  release(): void;
};

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

export function createUploadAllowance({ repos, clock, config }: Pick<ServerDeps, 'repos' | 'clock' | 'config'>) {
  const { storageQuotaBytes, uploadBytesPerDay } = config.clientLimits;
  const warnAtBytes = Math.floor(storageQuotaBytes * STORAGE_WARNING_SHARE);
  let reservedTotal = 0;
  const reservedByClient = new Map<number, number>();

  /** Staff learn what to do about it; a client only that files cannot be taken now. */
  function storageFull(uploader: Uploader): HttpError {
    const message =
      uploader.kind === 'staff'
        ? `The workspace's attachment storage is full (${megabytes(storageQuotaBytes)}). Files can be sent again once the limit is raised on the inbox server.`
        : "The salon can't take more files right now. You can still send messages without files.";
    return new HttpError(507, 'unavailable', message);
  }

  function dailyLimitReached(oldest: number | null, now: number): HttpError {
    // The earliest moment some of today's allowance comes back; a minute if it is all in flight.
    const retryAfterMs = oldest === null ? 60_000 : Math.max(1_000, oldest + DAY_MS - now);
    return new HttpError(
      429,
      'rate_limited',
      `You have uploaded as much as you can in one day (${megabytes(uploadBytesPerDay)}). You can still send messages without files.`,
      { retryAfterMs },
      { 'Retry-After': String(Math.ceil(retryAfterMs / 1000)) },
    );
  }

  return {
    warnAtBytes,
    /** Reserves room for one upload declaring `declaredBytes` (null: not declared), or throws
     * why there is none. Larger than a file may be is left to the body reader's 413. */
    reserve(uploader: Uploader, senderKey: string, declaredBytes: number | null): Reservation {
      const now = clock.now();
      let room = storageQuotaBytes - repos.attachments.storedBytes() - reservedTotal;
      if (room <= 0) throw storageFull(uploader);
      let dailyRoom = Number.POSITIVE_INFINITY;
      if (uploader.kind === 'client') {
        const today = repos.attachments.uploadedSince(senderKey, now - DAY_MS);
        dailyRoom = uploadBytesPerDay - today.bytes - (reservedByClient.get(uploader.clientId) ?? 0);
        if (dailyRoom <= 0 || (declaredBytes !== null && declaredBytes <= ATTACHMENT_MAX_BYTES && declaredBytes > dailyRoom)) {
          throw dailyLimitReached(today.oldest, now);
        }
      }
      if (declaredBytes !== null && declaredBytes <= ATTACHMENT_MAX_BYTES && declaredBytes > room) throw storageFull(uploader);
      room = Math.min(room, dailyRoom);
      const wanted = Math.min(declaredBytes ?? ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_BYTES, room);
      const limit = declaredBytes !== null && declaredBytes > ATTACHMENT_MAX_BYTES ? ATTACHMENT_MAX_BYTES : wanted;

      reservedTotal += wanted;
      if (uploader.kind === 'client') reservedByClient.set(uploader.clientId, (reservedByClient.get(uploader.clientId) ?? 0) + wanted);
      let released = false;
      return {
        limit,
        release() {
          if (released) return;
          released = true;
          reservedTotal -= wanted;
          if (uploader.kind !== 'client') return;
          const left = (reservedByClient.get(uploader.clientId) ?? 0) - wanted;
          if (left > 0) reservedByClient.set(uploader.clientId, left);
          else reservedByClient.delete(uploader.clientId);
        },
      };
    },
    /** After an upload of `size` bytes was stored: warns owners if it took storage past the
     * warning mark (once per crossing; dropping below and passing it again warns again). */
    stored(uploader: Uploader, size: number): void {
      const after = repos.attachments.storedBytes();
      if (after - size >= warnAtBytes || after < warnAtBytes) return;
      repos.audit.record({
        at: clock.now(),
        actor: actorOf(uploader),
        action: 'storage.warning',
        subject: 'Attachment storage',
        before: null,
        after: { usedBytes: after, quotaBytes: storageQuotaBytes, percentUsed: Math.floor((after / storageQuotaBytes) * 100) },
      });
    },
  };

  /** Whose upload passed the mark: a member as themselves, a client by name. */
  function actorOf(uploader: Uploader): { id: number; name: string } {
    if (uploader.kind === 'staff') return { id: uploader.memberId, name: repos.team.memberById(uploader.memberId)?.name ?? 'A team member' };
    return { id: uploader.clientId, name: `${repos.clients.findById(uploader.clientId)?.name ?? 'A client'} (client)` };
  }
}

export type UploadAllowance = ReturnType<typeof createUploadAllowance>;
