// Changes of status, snooze or assignment that the server did not apply because someone else's
// change reached it first: kept on this device (per member) until the member dismisses the
// notice in the conversation, so one that came back while another conversation was open is
// still said when they open it.
import { z } from 'zod';
import type { DesktopBridge } from '../../shared/bridge';
import { idSchema, timestampSchema } from '../../shared/domain';
import { conversationEventSchema } from '../../shared/triageEvents';
import { triageChangeSchema } from './queuedChange';

export const conflictNoticeSchema = z.object({
  changeId: z.uuid(),
  conversationId: idSchema,
  change: triageChangeSchema,
  /** The latest event when it was refused: what overtook the change. */
  overtakenBy: conversationEventSchema.nullable(),
  serverMessage: z.string(),
  createdAt: timestampSchema,
});
export type ConflictNotice = z.infer<typeof conflictNoticeSchema>;

/** A member sees the latest few; older ones would only crowd the conversation. */
const KEPT = 20;

export const conflictNoticesKey = (memberId: number) => `triage-conflicts:m${memberId}`;

export function createConflictNotices(prefs: Pick<DesktopBridge, 'readPref' | 'writePref'>, memberId: number) {
  const key = conflictNoticesKey(memberId);
  let notices: ConflictNotice[] = [];
  const listeners = new Set<() => void>();
  const publish = (next: ConflictNotice[]) => {
    notices = next;
    for (const listener of listeners) listener();
  };
  const read = async () => {
    const parsed = z.array(conflictNoticeSchema).safeParse(await prefs.readPref(key).catch(() => undefined));
    return parsed.success ? parsed.data : [];
  };
  const change = async (edit: (current: ConflictNotice[]) => ConflictNotice[]) => {
    const next = edit(await read()).slice(-KEPT);
    await prefs.writePref(key, next).catch(() => undefined);
    publish(next);
  };
  return {
    snapshot: () => notices,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    refresh: async () => publish(await read()),
    add: (notice: ConflictNotice) =>
      change((current) => (current.some((held) => held.changeId === notice.changeId) ? current : [...current, notice])),
    dismiss: (changeId: string) => change((current) => current.filter((held) => held.changeId !== changeId)),
  };
}
export type ConflictNotices = ReturnType<typeof createConflictNotices>;
