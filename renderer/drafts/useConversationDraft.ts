// The open conversation's draft for the Composer: the member's stored draft of it, saved as
// they type and removed once sent. Pending writes go out when the conversation closes and when
// the page is hidden or unloaded (a reload, the app quitting).
import { useEffect, useMemo } from 'react';
import { useStaff } from '../session/StaffContext';
import { createDraftStore } from './draftStore';

/** A draft bound to one conversation; keep it stable per conversation (the Composer loads it once). */
export interface ConversationDraft {
  load(): Promise<string>;
  save(text: string): void;
  clear(): void;
}

export function useConversationDraft(conversationId: number): ConversationDraft {
  const { bridge, session } = useStaff();
  const memberId = session.member.id;
  const store = useMemo(() => createDraftStore(bridge, memberId), [bridge, memberId]);

  useEffect(() => {
    const flush = () => void store.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [store]);

  return useMemo(
    () => ({
      load: () => store.load(conversationId),
      save: (text: string) => store.save(conversationId, text),
      clear: () => store.clear(conversationId),
    }),
    [store, conversationId],
  );
}
