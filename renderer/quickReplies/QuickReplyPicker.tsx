// The quick reply list shown above the reply box while a "/" word is typed: a listbox the text
// box drives (arrows move, Enter inserts, Esc closes; the mouse works too). Each reply shows its
// text as it will be inserted, and which details this conversation lacks for it.
import type { FilledQuickReply } from '../../shared/quickReplyEvents';
import { placeholderToken } from '../../shared/quickReplyTemplate';

interface QuickReplyPickerProps {
  listId: string;
  optionId: (reply: FilledQuickReply) => string;
  replies: readonly FilledQuickReply[];
  /** Whether the library offers any reply here at all. */
  anyReplies: boolean;
  query: string;
  active: number;
  onPick: (reply: FilledQuickReply) => void;
  onHover: (index: number) => void;
}

export function QuickReplyPicker({ listId, optionId, replies, anyReplies, query, active, onPick, onHover }: QuickReplyPickerProps) {
  return (
    <div className="quick-replies" data-testid="quick-reply-picker">
      <p className="quick-replies__title" id={`${listId}-title`}>
        Quick replies
      </p>
      {replies.length > 0 ? (
        <ul className="quick-replies__list" role="listbox" id={listId} aria-labelledby={`${listId}-title`}>
          {replies.map((reply, index) => (
            <li
              key={reply.id}
              id={optionId(reply)}
              role="option"
              aria-selected={index === active}
              className="quick-replies__option"
              data-testid="quick-reply-option"
              // Keep the focus (and the caret) in the text box.
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => onHover(index)}
              onClick={() => onPick(reply)}
            >
              <span className="quick-replies__name">{reply.title}</span>
              <span className="quick-replies__preview">{reply.text}</span>
              {reply.missing.length > 0 && (
                <span className="quick-replies__missing">No value here for {reply.missing.map(placeholderToken).join(', ')}</span>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="quick-replies__empty" role="status">
          {anyReplies ? `No quick replies match “${query}”.` : 'No quick replies yet. Managers add them in Settings → Quick replies.'}
        </p>
      )}
      <p className="quick-replies__keys">↑ ↓ to choose · Enter to insert · Esc to close</p>
    </div>
  );
}
