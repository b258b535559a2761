// The staff app's catch-up: shared/offline/catchUp.ts over `sync:since`, its position kept per
// member in the preference cache, each page handed to the screens as the pushes they know.
import type { z } from 'zod';
import type { DesktopBridge } from '../../shared/bridge';
import { createCatchUp, type CatchUp } from '../../shared/offline/catchUp';
import { staffSyncPositionSchema, type StaffSyncPosition, type staffSyncRequests } from '../../shared/syncEvents';
import type { LocalPushApi } from './withLocalPushes';

type SyncPage = z.infer<(typeof staffSyncRequests)['sync:since']['result']>;

export const syncPositionKey = (memberId: number) => `sync:m${memberId}`;

/** `memberId`: whose app it is, so a replayed note that mentions them notifies as a live one. */
export function deliverSyncPage(api: Pick<LocalPushApi, 'deliver'>, page: SyncPage, memberId?: number): void {
  const conversations = new Map(page.conversations.map((conversation) => [conversation.id, conversation]));
  for (const message of page.messages) {
    const conversation = conversations.get(message.conversationId);
    if (conversation) api.deliver('message:created', { message, conversation });
  }
  for (const read of page.reads) api.deliver('conversation:read', read);
  // Staff-only events come after the messages, as live: a client message, then its reopening.
  for (const event of page.events) {
    const conversation = conversations.get(event.conversationId);
    if (conversation) api.deliver('conversation:triaged', { conversation, event });
  }
  for (const note of page.notes) {
    api.deliver('note:created', { note });
    const conversation = conversations.get(note.conversationId);
    if (conversation && note.mentions.some((member) => member.id === memberId)) api.deliver('note:mentioned', { note, conversation });
  }
  // The member's own reads and marks on their other devices.
  for (const unread of page.unread) api.deliver('unread:updated', unread);
  if (page.settings) api.deliver('settings:updated', page.settings);
}

export function createStaffCatchUp(api: LocalPushApi, prefs: Pick<DesktopBridge, 'readPref' | 'writePref'>, memberId: number): CatchUp {
  const key = syncPositionKey(memberId);
  return createCatchUp<StaffSyncPosition, SyncPage>({
    fetch: (since) => api.request('sync:since', { since }),
    apply: (page) => deliverSyncPage(api, page, memberId),
    positions: {
      async load() {
        const parsed = staffSyncPositionSchema.safeParse(await prefs.readPref(key).catch(() => undefined));
        return parsed.success ? parsed.data : null;
      },
      save: (position) => prefs.writePref(key, position).catch(() => undefined),
    },
  });
}
