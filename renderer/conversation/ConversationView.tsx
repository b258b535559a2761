// The open conversation: header (with its status, snooze and assignee), history with the
// staff-only events between the messages, typing indicator and the reply box, which is hidden
// for members who may read but not reply (R7). While messaging is off (R2) the whole inbox is
// hidden behind a notice instead; the composer stays mounted so a draft survives.
import { useCallback, useId, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import type { ConversationSummary } from '../../shared/domain';
import { can } from '../../shared/permissions';
import type { ComposerHandle } from '../chat/Composer';
import { LiveAnnouncer } from '../chat/LiveAnnouncer';
import { MessageList } from '../chat/MessageList';
import type { TimelineNote } from '../chat/timeline';
import { TypingIndicator } from '../chat/TypingIndicator';
import { describeError } from '../api/errors';
import { PhotoViewerProvider } from '../attachments/PhotoViewerProvider';
import { useFileDrop } from '../attachments/useFileDrop';
import { useConversationDraft } from '../drafts/useConversationDraft';
import { useOffline } from '../offline/OfflineContext';
import { openQuickReplyPicker } from '../quickReplies/openPicker';
import { QuickReplyComposer } from '../quickReplies/QuickReplyComposer';
import { useStaff } from '../session/StaffContext';
import { useNow } from '../ui/useNow';
import { conversationAvailability, UNAVAILABLE_OFFLINE } from './conversationAvailability';
import '../styles/triage.css';
import { ConversationHeader } from './ConversationHeader';
import { deliveryLabel } from './deliveries';
import { eventText } from './eventWording';
import { TriageBar } from './TriageBar';
import { useConversationEvents } from './useConversationEvents';
import { useDeliveries } from './useDeliveries';
import { useStaffChat } from './useStaffChat';
import { useTriage } from './useTriage';
import { ComposerSwitch } from '../notes/ComposerSwitch';
import { useConversationNotes } from '../notes/useConversationNotes';

interface ConversationViewProps {
  conversationId: number;
  conversation: ConversationSummary | null;
  /** False while the inbox is hidden: its messages are not being read. */
  visible: boolean;
  /** Open at this message (a search match), marked, instead of at the newest. */
  anchorMessageId?: number | null;
  /** What the inbox's keyboard shortcuts do to this conversation. */
  actionsRef?: Ref<ConversationActions>;
}

/** Each says whether it could act (a read-only member has no reply box and can't mark done). */
export interface ConversationActions {
  focusReply(): boolean;
  insertQuickReply(): boolean;
  markDone(): boolean;
}

export function ConversationView({ conversationId, conversation, visible, anchorMessageId = null, actionsRef }: ConversationViewProps) {
  const { api, session } = useStaff();
  const triage = useTriage(conversationId, conversation);
  const chat = useStaffChat(conversationId, visible, anchorMessageId, triage.current?.triageVersion);
  const titleId = useId();
  const canReply = can(session.grants, 'chats.reply');
  const { status } = useOffline();
  const availability = conversationAvailability(chat.timeline.loaded, status);
  const { byMessage: deliveries, retry, isRetrying, retryError } = useDeliveries(conversationId);
  const draft = useConversationDraft(conversationId);
  const channelsOf = useCallback(
    (messageId: number) =>
      deliveries.get(messageId)?.map((delivery) => ({
        channel: delivery.channel,
        state: delivery.state,
        label: deliveryLabel(delivery),
        // Sending again is sending on the business's behalf: members who may reply.
        retry:
          canReply && delivery.state === 'failed'
            ? {
                label: `Retry ${delivery.channel === 'email' ? 'email' : 'text message'}`,
                pending: isRetrying(messageId, delivery.channel),
                onRetry: () => void retry(messageId, delivery.channel),
              }
            : undefined,
      })),
    [deliveries, canReply, isRetrying, retry],
  );
  const timeZone =
    session.locations.find((location) => location.id === conversation?.location.id)?.timeZone ??
    Intl.DateTimeFormat().resolvedOptions().timeZone;
  const events = useConversationEvents(conversationId);
  const now = useNow();
  const clientName = conversation?.client.name ?? 'The client';
  const internalNotes = useConversationNotes(conversationId);
  const notes = useMemo<TimelineNote[]>(
    () => [
      ...events.map((event) => ({ key: `e${event.id}`, id: event.id, createdAt: event.createdAt, text: eventText(event, { clientName, timeZone, now }) })),
      ...internalNotes,
    ],
    [events, internalNotes, clientName, timeZone, now],
  );

  const composer = useRef<ComposerHandle>(null);
  const { setStatus } = triage;
  const currentStatus = triage.current?.status;
  useImperativeHandle(
    actionsRef,
    () => ({
      focusReply: () => {
        composer.current?.focus();
        return composer.current !== null;
      },
      insertQuickReply: () => openQuickReplyPicker(),
      markDone: () => {
        if (!canReply || currentStatus === undefined || currentStatus === 'done') return false;
        setStatus('done');
        return true;
      },
    }),
    [canReply, currentStatus, setStatus],
  );

  // Files dropped anywhere on the conversation go to the reply box (when there is one).
  const canAttach = canReply && availability === 'ready';
  const { dropping, dropHandlers } = useFileDrop(canAttach ? (files) => composer.current?.addFiles(files) : null);

  const [unreadOutcome, setUnreadOutcome] = useState<string | null>(null);
  const markUnread = useCallback(() => {
    void api.request('conversation:markUnread', { conversationId }).then((result) =>
      setUnreadOutcome(result.ok ? 'Marked as unread.' : `Not marked as unread. ${describeError(result.error)}`),
    );
  }, [api, conversationId]);

  return (
    <section className={dropping ? 'conversation conversation--dropping' : 'conversation'} aria-labelledby={titleId} {...dropHandlers}>
      {conversation ? (
        <ConversationHeader conversation={conversation} titleId={titleId}>
          <TriageBar
            conversation={conversation}
            triage={triage}
            timeZone={timeZone}
            memberId={session.member.id}
            memberName={session.member.name}
            canReply={canReply}
            onMarkUnread={markUnread}
            unreadOutcome={unreadOutcome}
          />
        </ConversationHeader>
      ) : (
        <header className="conversation__header">
          <h2 id={titleId} className="conversation__title">
            Conversation
          </h2>
        </header>
      )}
      {retryError && (
        <p className="notice notice--error" role="alert">
          {retryError}
        </p>
      )}
      {chat.loadError && (
        <p className="notice notice--error" role="alert">
          {describeError(chat.loadError)}
        </p>
      )}
      {availability === 'unavailable-offline' ? (
        <p className="notice notice--info conversation__unavailable" role="status" data-testid="conversation-unavailable">
          {UNAVAILABLE_OFFLINE}
        </p>
      ) : (
        <PhotoViewerProvider messages={chat.timeline.messages}>
          <MessageList
            timeline={chat.timeline}
            notes={notes}
            ownSide="staff"
            nameOwnAuthors
            loadingOlder={chat.loadingOlder}
            onLoadOlder={() => void chat.loadOlder()}
            onRetry={chat.retry}
            onDiscard={chat.discard}
            describeFailure={describeError}
            emptyText="No messages in this conversation yet."
            channelsOf={channelsOf}
            highlightId={anchorMessageId}
            loadingNewer={chat.loadingNewer}
            onLoadNewer={() => void chat.loadNewer()}
          />
        </PhotoViewerProvider>
      )}
      <LiveAnnouncer text={chat.announcement} />
      <TypingIndicator name={chat.typingName} />
      {!canReply && <p className="notice composer-note">You can read but not reply to client chats.</p>}
      {availability === 'ready' && (
        <ComposerSwitch
          conversationId={conversationId}
          canReply={canReply}
          reply={
            <QuickReplyComposer
              conversationId={conversationId}
              label="Reply"
              placeholder="Write a reply…"
              onSend={chat.send}
              onSendAndMarkDone={chat.sendAndMarkDone}
              onDraftChange={chat.onDraftChange}
              error={chat.sendError}
              describeFailure={describeError}
              draftStorage={draft}
              handle={composer}
            />
          }
        />
      )}
    </section>
  );
}
