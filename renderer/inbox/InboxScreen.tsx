// The Messages screen: the conversation list and the open conversation in <main>, and the
// client's appointments in an <aside> beside them. It stays mounted while hidden (Settings
// open, Client Connect off); `visible` says whether the member can actually see it.
import { useCallback, useState } from 'react';
import { AppointmentPanel } from '../conversation/AppointmentPanel';
import { ClientProfilePanel } from '../conversation/ClientProfilePanel';
import { ConversationView } from '../conversation/ConversationView';
import { useConversationDetail } from '../conversation/useConversationDetail';
import { ConversationList } from './ConversationList';
import { SearchBox, SearchResults } from './SearchResults';
import { useInboxList } from './useInboxList';
import { useInboxSearch } from './useInboxSearch';
import { useMessageNotifications } from './useMessageNotifications';

interface InboxScreenProps {
  visible: boolean;
  /** Bring the inbox to the front (a notification was clicked while Settings were open). */
  onReveal: () => void;
}

export function InboxScreen({ visible, onReveal }: InboxScreenProps) {
  const [openId, setOpenId] = useState<number | null>(null);
  // The list of the chosen view (Open, Mine…), its counts and its rows' actions.
  const { list, listProps } = useInboxList(visible ? openId : null);
  const search = useInboxSearch();
  const { detail, error: detailError } = useConversationDetail(openId);
  const openConversation = useCallback((id: number) => setOpenId(id), []);
  // Hidden, nothing counts as open: messages notify, and none is marked read unseen.
  const openFromNotification = useCallback(
    (id: number) => {
      setOpenId(id);
      onReveal();
    },
    [onReveal],
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
          selectedId={openId}
          onSelect={openConversation}
          onLoadMore={onLoadMore}
          toolbar={<SearchBox query={search.query} onChange={search.setQuery} />}
          replacement={
            search.active ? (
              <SearchResults
                query={search.query}
                result={search.result}
                searching={search.searching}
                error={search.error}
                selectedId={openId}
                onSelect={openConversation}
                onLoadOlder={search.loadOlder}
              />
            ) : undefined
          }
          {...listProps}
        />
        {openId === null ? (
          <section className="conversation conversation--empty" aria-label="No conversation open">
            <div className="empty-state">
              <p className="empty-state__title">Select a conversation</p>
              <p>Choose a client on the left to read and answer their messages.</p>
            </div>
          </section>
        ) : (
          <ConversationView key={openId} conversationId={openId} conversation={summary} visible={visible} />
        )}
      </main>
      {openId !== null && (
        <div className="context-column">
          <AppointmentPanel detail={detail} error={detailError} />
          <ClientProfilePanel key={openId} conversationId={openId} />
        </div>
      )}
    </>
  );
}
