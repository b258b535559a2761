// Quick replies in the reply box: typing "/" at the start of a word opens the picker, what
// follows the slash searches it, and the chosen reply (filled in for this conversation) replaces
// the "/" word, editable before sending. A placeholder the conversation had no value for stays
// in the text, highlighted below it, and sending waits until the member fills or removes it.
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { FilledQuickReply } from '../../shared/quickReplyEvents';
import type { ComposerAssist, ComposerTextHandle } from '../chat/useComposerAssist';
import { registerQuickReplyOpener } from './openPicker';
import { matchingReplies, slashWordAt, unfilledProblem, withReply, withSlashAt } from './pickerText';
import { QuickReplyPicker } from './QuickReplyPicker';
import { useQuickReplies } from './useQuickReplies';
import '../styles/quickReplies.css';

export function useQuickReplyAssist(conversationId: number): ComposerAssist {
  const replies = useQuickReplies(conversationId);
  const [{ text, caret }, setTextState] = useState({ text: '', caret: 0 });
  /** Where the "/" word the member closed with Esc starts: it stays closed until a new one. */
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  /** The highlighted reply, for the search it was chosen in (a new search starts at the top). */
  const [active, setActiveFor] = useState({ query: '', index: 0 });
  const handle = useRef<ComposerTextHandle | null>(null);
  const latestText = useRef(text);
  useEffect(() => {
    latestText.current = text;
  }, [text]);
  const listId = useId();

  const word = slashWordAt(text, caret);
  const open = word !== null && word.start !== dismissedAt;
  const matches = open ? matchingReplies(replies, word.query) : [];
  const activeIndex = word && active.query === word.query ? Math.min(active.index, Math.max(matches.length - 1, 0)) : 0;
  const setActive = (index: number) => setActiveFor({ query: word?.query ?? '', index });
  const optionId = useCallback((reply: FilledQuickReply) => `${listId}-option-${reply.id}`, [listId]);

  const onTextChange = useCallback((nextText: string, nextCaret: number) => {
    setTextState((current) => (current.text === nextText && current.caret === nextCaret ? current : { text: nextText, caret: nextCaret }));
    // Once the closed "/" word is gone, a "/" typed there again opens the picker.
    const start = slashWordAt(nextText, nextCaret)?.start ?? null;
    setDismissedAt((dismissed) => (dismissed === start ? dismissed : null));
  }, []);

  const pick = (reply: FilledQuickReply) => {
    if (!word || !handle.current) return;
    const next = withReply(text, word, reply);
    handle.current.setText(next.text, next.selection);
    handle.current.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open || !word || event.nativeEvent.isComposing) return false;
    if (event.key === 'Escape') {
      setDismissedAt(word.start);
    } else if (event.key === 'ArrowDown' && matches.length > 0) {
      setActive((activeIndex + 1) % matches.length);
    } else if (event.key === 'ArrowUp' && matches.length > 0) {
      setActive((activeIndex - 1 + matches.length) % matches.length);
    } else if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey && matches[activeIndex]) {
      pick(matches[activeIndex]);
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  };

  // Other code opens the picker through openQuickReplyPicker(): a "/" is typed at the caret.
  useEffect(
    () =>
      registerQuickReplyOpener(() => {
        const box = handle.current;
        if (!box) return;
        box.focus();
        const next = withSlashAt(latestText.current, box.caret());
        box.setText(next.text, [next.caret, next.caret]);
      }),
    [],
  );

  const unfilled = unfilledProblem(text);
  const activeReply = matches[activeIndex];
  return {
    bind: useCallback((bound: ComposerTextHandle) => {
      handle.current = bound;
    }, []),
    onTextChange,
    onKeyDown,
    inputProps: {
      'aria-autocomplete': 'list',
      'aria-controls': open && matches.length > 0 ? listId : undefined,
      'aria-activedescendant': open && activeReply ? optionId(activeReply) : undefined,
    },
    panel: open ? (
      <QuickReplyPicker
        listId={listId}
        optionId={optionId}
        replies={matches}
        anyReplies={replies.length > 0}
        query={word.query}
        active={activeIndex}
        onPick={pick}
        onHover={setActive}
      />
    ) : null,
    blockedReason: unfilled ? (
      <span className="quick-replies__unfilled" data-testid="unfilled-placeholders">
        This conversation has no value for{' '}
        {unfilled.names.map((name, index) => (
          <span key={name}>
            {index > 0 && ', '}
            <mark>{name}</mark>
          </span>
        ))}
        . Type the details over {unfilled.names.length === 1 ? 'it' : 'them'} or remove {unfilled.names.length === 1 ? 'it' : 'them'} before sending.
      </span>
    ) : null,
  };
}
