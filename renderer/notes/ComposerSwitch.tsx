// Reply / Note above the composer: a reply goes to the client, a note stays with the team.
// Members who may read but not reply write notes only.
import { useState, type ReactNode } from 'react';
import { NoteComposer } from './NoteComposer';
import '../styles/notes.css';

export function ComposerSwitch({ conversationId, canReply, reply }: { conversationId: number; canReply: boolean; reply: ReactNode }) {
  const [mode, setMode] = useState<'reply' | 'note'>(canReply ? 'reply' : 'note');
  const shown = canReply ? mode : 'note';
  return (
    <div className="composer-switch-area">
      <div className="composer-switch" role="group" aria-label="Write a reply or a note">
        {canReply && (
          <button type="button" className="composer-switch__tab" aria-pressed={shown === 'reply'} onClick={() => setMode('reply')}>
            Reply
          </button>
        )}
        <button type="button" className="composer-switch__tab composer-switch__tab--note" aria-pressed={shown === 'note'} onClick={() => setMode('note')}>
          Note
        </button>
      </div>
      {/* The reply box stays mounted while a note is written, so its draft and uploads stay too. */}
      <div hidden={shown !== 'reply'}>{canReply && reply}</div>
      {shown === 'note' && <NoteComposer conversationId={conversationId} />}
    </div>
  );
}
