// Settings → Clients → Quick replies: the workspace's saved replies, which members who may reply
// pick in a conversation by typing "/" in the reply box. Add, edit and delete them here.
import { useMemo, useState } from 'react';
import type { QuickReply } from '../../shared/quickReplyEvents';
import { describeError } from '../api/errors';
import { SettingsPage } from '../settings/SettingsPage';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { QuickReplyEditor } from './QuickReplyEditor';
import { whereOffered } from './quickReplyForm';
import { useQuickReplyLibrary } from './useQuickReplyLibrary';
import '../styles/quickReplies.css';

type Editing = { reply: QuickReply | null } | null;

export function QuickRepliesSettingsPage() {
  const { library, loadError, save, remove } = useQuickReplyLibrary();
  const [editing, setEditing] = useState<Editing>(null);
  const [confirming, setConfirming] = useState<QuickReply | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const names = useMemo(() => new Map(library?.locations.map((location) => [location.id, location.name]) ?? []), [library]);

  const onDelete = async (reply: QuickReply) => {
    const refusal = await remove(reply);
    setConfirming(null);
    setError(refusal && describeError(refusal));
    setOutcome(refusal ? null : `Deleted “${reply.title}”.`);
  };

  return (
    <SettingsPage
      title="Quick replies"
      lead="Saved replies your team picks in a conversation by typing / in the reply box."
      actions={
        editing === null && library ? (
          <button type="button" className="primary-button" onClick={() => setEditing({ reply: null })}>
            Add quick reply
          </button>
        ) : undefined
      }
    >
      {(loadError || error) && (
        <p className="notice notice--error" role="alert">
          {error ?? describeError(loadError!)}
        </p>
      )}
      <p className="settings-card__result" role="status">
        {outcome}
      </p>
      {editing && library && (
        <QuickReplyEditor
          key={editing.reply?.id ?? 'new'}
          editing={editing.reply}
          locations={library.locations}
          onSave={save}
          onClose={(saved) => {
            setEditing(null);
            if (saved) setOutcome(saved);
          }}
        />
      )}
      {!library ? (
        !loadError && (
          <p className="settings-page__loading" role="status">
            Loading quick replies…
          </p>
        )
      ) : (
        <section className="settings-card" aria-label="Library">
          {library.items.length === 0 ? (
            <p className="settings-card__empty">No quick replies yet.</p>
          ) : (
            <ul className="quick-reply-list" aria-label="Quick replies">
              {library.items.map((reply) => (
                <li key={reply.id} className="quick-reply-item" data-testid="quick-reply">
                  <div>
                    <h2 className="settings-card__title">{reply.title}</h2>
                    <p className="quick-reply-item__text">{reply.text}</p>
                    <p className="quick-reply-item__where">Offered at: {whereOffered(reply.locationIds, names)}</p>
                  </div>
                  <div className="quick-reply-item__actions">
                    <button type="button" className="secondary-button" onClick={() => setEditing({ reply })}>
                      Edit<span className="visually-hidden"> {reply.title}</span>
                    </button>
                    <button type="button" className="secondary-button" onClick={() => setConfirming(reply)}>
                      Delete<span className="visually-hidden"> {reply.title}</span>
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={`Delete the quick reply “${confirming?.title ?? ''}”?`}
        confirmLabel="Delete quick reply"
        cancelLabel="Keep it"
        danger
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          if (confirming) void onDelete(confirming);
        }}
      >
        <p>Nobody can pick it any more. Messages already sent with it are not changed.</p>
      </ConfirmDialog>
    </SettingsPage>
  );
}
