// What each of the inbox's shortcuts does: search, next/previous unread, reply, quick reply,
// mark done and the shortcuts overlay. What could not be done is said in a live region.
import { useCallback, useState, type RefObject } from 'react';
import type { ConversationActions } from '../conversation/ConversationView';
import { nearestUnread, type ListedConversation } from './nextUnread';
import { useInboxShortcuts } from './useInboxShortcuts';

interface InboxKeyboardOptions {
  visible: boolean;
  conversations: readonly ListedConversation[];
  openId: number | null;
  openConversation: (id: number) => void;
  conversationActions: RefObject<ConversationActions | null>;
  searchInput: RefObject<HTMLInputElement | null>;
}

const NO_CONVERSATION = 'Open a conversation first.';

export function useInboxKeyboard({ visible, conversations, openId, openConversation, conversationActions, searchInput }: InboxKeyboardOptions) {
  const [helpOpen, setHelpOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const closeHelp = useCallback(() => setHelpOpen(false), []);

  const openUnread = (direction: 1 | -1) => {
    const id = nearestUnread(conversations, openId, direction);
    if (id === null) setAnnouncement(direction === 1 ? 'No more unread conversations below.' : 'No more unread conversations above.');
    else {
      setAnnouncement('');
      openConversation(id);
    }
  };
  const onConversation = (act: (actions: ConversationActions) => boolean, refused: string) => {
    const actions = conversationActions.current;
    const done = actions ? act(actions) : false;
    setAnnouncement(done ? '' : actions ? refused : NO_CONVERSATION);
  };

  useInboxShortcuts(visible && !helpOpen, {
    focusSearch: () => {
      searchInput.current?.focus();
      searchInput.current?.select();
    },
    nextUnread: () => openUnread(1),
    previousUnread: () => openUnread(-1),
    focusReply: () => onConversation((actions) => actions.focusReply(), 'You can read but not reply to this conversation.'),
    // Focuses the reply box and opens its quick-reply picker.
    quickReply: () => onConversation((actions) => actions.insertQuickReply(), 'You can read but not reply to this conversation.'),
    markDone: () => onConversation((actions) => actions.markDone(), 'This conversation is already done, or you may not change it.'),
    showShortcuts: () => setHelpOpen(true),
  });

  return { helpOpen, closeHelp, announcement };
}
