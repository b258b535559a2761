// The reply box: Enter sends, Shift+Enter starts a new line, Attach adds images or PDFs (each
// uploads at once; the message goes when they are all stored). Each edit feeds the typing signal. A
// staff tool (quick replies) may work on the text through `assist` (useComposerAssist.ts).
import { useEffect, useId, useImperativeHandle, useRef, useState, type FormEvent, type KeyboardEvent, type Ref } from 'react';
import type { Attachment } from '../../shared/domain';
import { MESSAGE_MAX_LENGTH } from '../../shared/domain';
import type { describeError } from '../api/errors';
import { canSendMessage } from '../attachments/attachmentDrafts';
import { AttachButton, AttachmentDraftList } from '../attachments/AttachmentPicker';
import { useAttachmentDrafts } from '../attachments/useAttachmentDrafts';
import { useComposerAssist, type ComposerAssist } from './useComposerAssist';
import { shortcutFor } from '../keyboard/shortcuts';

/** What the inbox's keyboard shortcuts do to the reply box. */
export interface ComposerHandle {
  focus(): void;
  /** Files dropped on the conversation: checked and uploaded like picked ones. */
  addFiles(files: File[]): void;
}

interface ComposerProps {
  label: string;
  placeholder: string;
  onSend: (text: string, attachments: Attachment[]) => void;
  /** Offered beside Send (and as Ctrl/Cmd+Shift+Enter) where a reply can also close the conversation. */
  onSendAndMarkDone?: (text: string, attachments: Attachment[]) => void;
  onDraftChange: () => void;
  /** Why the last send was refused, announced to screen readers. */
  error: string | null;
  /** Each page words errors for its own readers (team members or clients). */
  describeFailure: typeof describeError;
  /** Where the unsent text is kept between visits (staff app); keep it stable. */
  draftStorage?: { load(): Promise<string>; save(text: string): void; clear(): void };
  /** A tool working on the text (the staff app's quick replies). */
  assist?: ComposerAssist;
  handle?: Ref<ComposerHandle>;
}

export function Composer(props: ComposerProps) {
  const { label, placeholder, onSend, onSendAndMarkDone, onDraftChange, error, describeFailure, draftStorage, assist, handle } = props;
  const [draft, setDraft] = useState('');
  const inputRef = useRef<HTMLTextAreaElement>(null);
  // The stored draft arrives a moment after mount; what the member types first wins.
  const typed = useRef(false);
  useEffect(() => {
    let current = true;
    void draftStorage?.load().then((stored) => {
      if (current && !typed.current && stored !== '') setDraft(stored);
    });
    return () => {
      current = false;
    };
  }, [draftStorage]);
  const edit = (text: string) => {
    typed.current = true;
    setDraft(text);
    draftStorage?.save(text);
    onDraftChange();
  };
  const tellAssist = useComposerAssist(assist, draft, inputRef, edit);
  const files = useAttachmentDrafts(describeFailure);
  useImperativeHandle(handle, () => ({ focus: () => inputRef.current?.focus(), addFiles: files.add }), [files.add]);
  const inputId = useId();
  const errorId = useId();
  const hintId = useId();
  const { readiness } = files;
  const canSend = canSendMessage(draft, readiness) && !assist?.blockedReason;

  const submit = (send = onSend) => {
    if (!canSend) return;
    send(draft.trim(), readiness.attachments);
    setDraft('');
    draftStorage?.clear();
    files.clear();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (assist?.onKeyDown(event)) return;
    // Not while an input method is composing: Enter there confirms the composition.
    if (event.nativeEvent.isComposing) return;
    const action = shortcutFor(event, 'composer', true);
    if (action === 'sendAndMarkDone' && onSendAndMarkDone) {
      event.preventDefault();
      submit(onSendAndMarkDone);
    } else if (action === 'send') {
      event.preventDefault();
      submit();
    }
  };

  const hint = assist?.blockedReason
    ? assist.blockedReason
    : readiness.uploading
    ? 'Uploading attachments… Send is available once they are ready.'
    : readiness.failed
      ? 'An attachment did not upload: retry or remove it to send.'
      : onSendAndMarkDone
        ? 'Enter to send · Shift+Enter for a new line · Ctrl+Shift+Enter to send and mark done'
        : 'Enter to send · Shift+Enter for a new line';

  return (
    <form className="composer" onSubmit={onSubmit}>
      <label htmlFor={inputId} className="visually-hidden">
        {label}
      </label>
      <AttachmentDraftList drafts={files.drafts} onRemove={files.remove} onRetry={files.retry} />
      {assist?.panel}
      <div className="composer__row">
        <AttachButton attachedCount={files.drafts.length} onFiles={files.add} />
        <textarea
          ref={inputRef}
          {...assist?.inputProps}
          id={inputId}
          className="composer__input"
          value={draft}
          rows={2}
          maxLength={MESSAGE_MAX_LENGTH}
          placeholder={placeholder}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          onChange={(event) => edit(event.target.value)}
          onKeyDown={onKeyDown}
          onSelect={(event) => tellAssist?.(event.currentTarget.value, event.currentTarget.selectionStart)}
          onPaste={(event) => {
            // A pasted image (a screenshot, a copied photo) is attached; pasted text stays text.
            const pasted = Array.from(event.clipboardData.files);
            if (pasted.length === 0) return;
            event.preventDefault();
            files.add(pasted);
          }}
        />
        <button type="submit" className="primary-button" disabled={!canSend}>
          Send
        </button>
        {onSendAndMarkDone && (
          <button type="button" className="secondary-button" disabled={!canSend} onClick={() => submit(onSendAndMarkDone)}>
            Send and mark done
          </button>
        )}
      </div>
      <p id={hintId} className="composer__hint">
        {hint}
      </p>
      <div id={errorId} role="alert" className="composer__error">
        {error}
      </div>
      <div role="alert" className="composer__error" data-testid="attachment-problems">
        {files.problems.map((problem) => (
          <p key={problem}>{problem}</p>
        ))}
      </div>
    </form>
  );
}
