// The reply box: Enter sends, Shift+Enter starts a new line. Each edit feeds the typing signal.
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { MESSAGE_MAX_LENGTH } from '../../shared/domain';

interface ComposerProps {
  label: string;
  placeholder: string;
  onSend: (text: string) => void;
  onDraftChange: () => void;
  /** Why the last send was refused, announced to screen readers. */
  error: string | null;
}

export function Composer({ label, placeholder, onSend, onDraftChange, error }: ComposerProps) {
  const [draft, setDraft] = useState('');
  const inputId = useId();
  const errorId = useId();
  const hintId = useId();
  const canSend = draft.trim().length > 0;

  const submit = () => {
    if (!canSend) return;
    onSend(draft.trim());
    setDraft('');
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Not while an input method is composing: Enter there confirms the composition.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form className="composer" onSubmit={onSubmit}>
      <label htmlFor={inputId} className="visually-hidden">
        {label}
      </label>
      <div className="composer__row">
        <textarea
          id={inputId}
          className="composer__input"
          value={draft}
          rows={2}
          maxLength={MESSAGE_MAX_LENGTH}
          placeholder={placeholder}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          onChange={(event) => {
            setDraft(event.target.value);
            onDraftChange();
          }}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="primary-button" disabled={!canSend}>
          Send
        </button>
      </div>
      <p id={hintId} className="composer__hint">Enter to send · Shift+Enter for a new line</p>
      <div id={errorId} role="alert" className="composer__error">
        {error}
      </div>
    </form>
  );
}
