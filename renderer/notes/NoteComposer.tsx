// Writing an internal note: Enter saves it, Shift+Enter starts a new line, "@" offers colleagues
// to mention (arrows and Enter or Tab choose one). A note goes through the member's outbox like a
// reply, so one written offline is saved once the app reconnects. Colleagues it could not notify
// (they cannot see this conversation) are named once the server has the note.
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { NOTE_MAX_LENGTH, type Mentionable } from '../../shared/noteEvents';
import { useOffline } from '../offline/OfflineContext';
import { useStaff } from '../session/StaffContext';
import { insertMention, mentionChoices, mentionIdsIn, mentionQueryAt, notNotifiedText } from './noteTimeline';
import { isNoteAck } from './queuedNote';
import '../styles/notes.css';

export function NoteComposer({ conversationId }: { conversationId: number }) {
  const { api } = useStaff();
  const { outbox } = useOffline();
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [members, setMembers] = useState<Mentionable[]>([]);
  const [highlighted, setHighlighted] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const inputId = useId();
  const hintId = useId();
  const pickerId = useId();

  useEffect(
    () =>
      api.whenConnected(() => {
        void api.request('note:mentionable', { conversationId }).then((result) => result.ok && setMembers(result.data.members));
      }),
    [api, conversationId],
  );
  useEffect(
    () =>
      outbox.onDelivered((delivered, entry) => {
        if (!isNoteAck(delivered) || entry.payload.conversationId !== conversationId) return;
        setNotice(notNotifiedText(delivered.notNotified));
      }),
    [outbox, conversationId],
  );

  const typing = mentionQueryAt(text, caret);
  const choices = typing && typing.start !== dismissed ? mentionChoices(members, typing.query) : [];
  const open = choices.length > 0;

  const choose = (member: Mentionable) => {
    if (!typing) return;
    const next = insertMention(text, typing, member.name);
    setText(next.text);
    setCaret(next.caret);
    setHighlighted(0);
    requestAnimationFrame(() => input.current?.setSelectionRange(next.caret, next.caret));
  };

  const submit = () => {
    const note = text.trim();
    if (note === '') return;
    const entry = {
      senderMessageId: crypto.randomUUID(),
      queue: String(conversationId),
      payload: { conversationId, note: { text: note, mentionIds: mentionIdsIn(note, members) } },
    };
    setText('');
    setCaret(0);
    setNotice(null);
    void outbox.enqueue(entry).then(() => outbox.flush());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (open && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      setHighlighted((index) => (index + (event.key === 'ArrowDown' ? 1 : choices.length - 1)) % choices.length);
    } else if (open && (event.key === 'Enter' || event.key === 'Tab')) {
      event.preventDefault();
      choose(choices[Math.min(highlighted, choices.length - 1)]!);
    } else if (open && event.key === 'Escape') {
      event.preventDefault();
      setDismissed(typing?.start ?? null);
    } else if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form
      className="composer note-composer"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        submit();
      }}
    >
      <label htmlFor={inputId} className="visually-hidden">
        Internal note
      </label>
      {open && (
        <ul id={pickerId} className="mention-picker" role="listbox" aria-label="Mention a colleague">
          {choices.map((member, index) => (
            <li
              key={member.id}
              role="option"
              aria-selected={index === Math.min(highlighted, choices.length - 1)}
              className="mention-picker__option"
              onMouseDown={(event) => {
                event.preventDefault();
                choose(member);
              }}
            >
              <span>{member.name}</span>
              {!member.canSee && <span className="mention-picker__hint">can't see this conversation</span>}
            </li>
          ))}
        </ul>
      )}
      <div className="composer__row">
        <textarea
          ref={input}
          id={inputId}
          className="composer__input"
          value={text}
          rows={2}
          maxLength={NOTE_MAX_LENGTH}
          placeholder="Write a note for the team… @ to mention"
          aria-controls={open ? pickerId : undefined}
          aria-autocomplete="list"
          aria-describedby={hintId}
          onChange={(event) => {
            setText(event.target.value);
            setCaret(event.target.selectionStart);
            setHighlighted(0);
          }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="primary-button" disabled={text.trim() === ''}>
          Add note
        </button>
      </div>
      <p id={hintId} className="composer__hint">
        Only the team sees notes: never the client, nor their email or texts. Enter to save · @ to mention a colleague
      </p>
      <div role="status" className="composer__error" data-testid="note-notice">
        {notice}
      </div>
    </form>
  );
}
