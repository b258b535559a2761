// The Messages screen: the conversation list and the open conversation in <main>, and the
// client's appointments in an <aside> beside them. It stays mounted while hidden (Settings
// open, Client Connect off); `visible` says whether the member can actually see it.
import { useCallback, useRef, useState } from 'react';
import type { FoundClient } from '../../shared/conversationStart';
import { can } from '../../shared/permissions';
import { AppointmentPanel } from '../conversation/AppointmentPanel';
import { ClientProfilePanel } from '../conversation/ClientProfilePanel';
import { ClientNotePanel } from '../notes/ClientNotePanel';
import { ConversationView, type ConversationActions } from '../conversation/ConversationView';
import { useInboxKeyboard } from '../keyboard/useInboxKeyboard';
import { ShortcutsDialog } from '../keyboard/ShortcutsDialog';
import { useConversationDetail } from '../conversation/useConversationDetail';
import { GettingStarted } from '../onboarding/GettingStarted';
import { ConversationList } from './ConversationList';
import { NewConversationForm } from '../newConversation/NewConversationForm';
import { useClientFinder } from '../newConversation/useClientFinder';
import { useStaff } from '../session/StaffContext';
import { SearchBox, SearchResults, type SearchTarget } from './SearchResults';
import { useInboxList } from './useInboxList';
import { useInboxSearch } from './useInboxSearch';
import { useMessageNotifications } from './useMessageNotifications';

interface InboxScreenProps {
  visible: boolean;
  /** Bring the inbox to the front (a notification was clicked while Settings were open). */
  onReveal: () => void;
}

/** What opened the conversation: a search result (its key), at a message for a message match. */
type Opened = { resultKey: string | null; messageId: number | null };
const FROM_LIST: Opened = { resultKey: null, messageId: null };

export function InboxScreen({ visible, onReveal }: InboxScreenProps) {
  const { session } = useStaff();
  const canStart = can(session.grants, 'chats.reply');
  const [openId, setOpenId] = useState<number | null>(null);
  const [opened, setOpened] = useState<Opened>(FROM_LIST);
  // The new-conversation form, in place of the open conversation; `form` renews it.
  const [starting, setStarting] = useState<{ client: FoundClient | null; form: number } | null>(null);
  // The list of the chosen view (Open, Mine…), its counts and its rows' actions.
  const { list, listProps } = useInboxList(visible ? openId : null);
  const search = useInboxSearch();
  const directory = useClientFinder(search.active ? search.query : '', canStart);
  const { detail, error: detailError } = useConversationDetail(openId);
  const openConversation = useCallback((id: number) => {
    setOpenId(id);
    setOpened(FROM_LIST);
    setStarting(null);
  }, []);
  const openResult = useCallback((target: SearchTarget) => {
    setOpenId(target.conversationId);
    setOpened({ resultKey: target.key, messageId: target.messageId });
    setStarting(null);
  }, []);
  const startConversation = useCallback((client: FoundClient | null) => setStarting((shown) => ({ client, form: (shown?.form ?? 0) + 1 })), []);
  const conversationActions = useRef<ConversationActions>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const keyboard = useInboxKeyboard({ visible, conversations: list.items, openId, openConversation, conversationActions, searchInput });
  // Hidden, nothing counts as open: messages notify, and none is marked read unseen.
  const openFromNotification = useCallback(
    (id: number) => {
      openConversation(id);
      onReveal();
    },
    [onReveal, openConversation],
  );
  useMessageNotifications(visible ? openId : null, openFromNotification);
  const { loadMore } = list;
  const onLoadMore = useCallback(() => void loadMore(), [loadMore]);
  // The list's copy is live (pushes update it); the detail's covers a conversation not loaded in the list.
  const summary =
    list.items.find((conversation) => conversation.id === openId) ?? (openId === null ? undefined : list.outside.get(openId)) ?? detail?.conversation ?? null;

  return (
    <>
      <main className="inbox">
        <ConversationList
          conversations={list.items}
          loaded={list.loaded}
          hasMore={list.nextCursor !== null}
          loadingMore={list.loadingMore}
          selectedId={starting === null ? openId : null}
          onSelect={openConversation}
          onLoadMore={onLoadMore}
          toolbar={
            <div className="inbox-list__toolbar">
              <SearchBox query={search.query} onChange={search.setQuery} inputRef={searchInput} />
              {canStart && (
                <button type="button" className="secondary-button" onClick={() => startConversation(null)}>
                  New conversation
                </button>
              )}
            </div>
          }
          replacement={
            search.active ? (
              <SearchResults
                query={search.query}
                result={search.result}
                searching={search.searching}
                error={search.error}
                selectedKey={starting === null ? opened.resultKey : null}
                onSelect={openResult}
                onLoadOlder={search.loadOlder}
                directory={directory.clients}
                onStartConversation={startConversation}
              />
            ) : undefined
          }
          {...listProps}
        />
        {starting !== null ? (
          <NewConversationForm key={starting.form} initialClient={starting.client} onStarted={openConversation} onCancel={() => setStarting(null)} />
        ) : openId === null && list.loaded && list.items.length === 0 && !search.active ? (
          <GettingStarted />
        ) : openId === null ? (
          <section className="conversation conversation--empty" aria-label="No conversation open">
            <div className="empty-state">
              <p className="empty-state__title">Select a conversation</p>
              <p>Choose a client on the left to read and answer their messages.</p>
            </div>
          </section>
        ) : (
          <ConversationView
            key={`${openId}:${opened.messageId ?? 'latest'}`}
            conversationId={openId}
            conversation={summary}
            visible={visible}
            anchorMessageId={opened.messageId}
            actionsRef={conversationActions}
          />
        )}
      </main>
      <ShortcutsDialog open={keyboard.helpOpen} onClose={keyboard.closeHelp} />
      <p role="status" className="visually-hidden" data-testid="shortcut-announcement">
        {keyboard.announcement}
      </p>
      {openId !== null && starting === null && (
        // Focusable: with the client note it can outgrow the window, and keyboard users scroll it too.
        <div className="context-column" tabIndex={0} role="region" aria-label="About the client">
          <AppointmentPanel detail={detail} error={detailError} />
          <ClientProfilePanel key={openId} conversationId={openId} />
          <ClientNotePanel key={`note-${openId}`} conversationId={openId} />
        </div>
      )}
    </>
  );
}
