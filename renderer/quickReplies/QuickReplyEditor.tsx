// Settings → Quick replies → Add / Edit: title, text (with the placeholders it may use) and the
// locations it is offered at (none ticked: every location). Every problem shows at once, beside
// its field, before anything is sent; the server's own answer shows the same way.
import { useId, useState } from 'react';
import type { Location } from '../../shared/domain';
import { QUICK_REPLY_TEXT_MAX, QUICK_REPLY_TITLE_MAX, type QuickReply, type QuickReplyDraft } from '../../shared/quickReplyEvents';
import { PLACEHOLDER_NAMES, PLACEHOLDERS, placeholderToken } from '../../shared/quickReplyTemplate';
import type { AppError } from '../../shared/result';
import { describeError, fieldProblemsOf, problemsSummary, type FieldProblems } from '../api/errors';
import { FieldError } from '../ui/FieldError';
import { draftOf, draftProblems, emptyDraft, QUICK_REPLY_FIELDS, type QuickReplyField } from './quickReplyForm';

interface QuickReplyEditorProps {
  editing: QuickReply | null;
  locations: Location[];
  onSave: (draft: QuickReplyDraft, editing: QuickReply | null) => Promise<AppError | null>;
  onClose: (saved: string | null) => void;
}

export function QuickReplyEditor({ editing, locations, onSave, onClose }: QuickReplyEditorProps) {
  const [draft, setDraft] = useState<QuickReplyDraft>(() => (editing ? draftOf(editing) : emptyDraft()));
  const [problems, setProblems] = useState<FieldProblems<QuickReplyField>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();
  const field = (name: QuickReplyField) => `${id}-${name}`;
  const describedBy = (name: QuickReplyField, extra = '') => [problems[name] ? `${field(name)}-error` : '', extra].filter(Boolean).join(' ') || undefined;

  const save = async () => {
    const found = draftProblems(draft);
    setProblems(found);
    setError(problemsSummary(found));
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    const refusal = await onSave(draft, editing);
    setSaving(false);
    if (!refusal) {
      onClose(editing ? `Saved “${draft.title.trim()}”.` : `Added “${draft.title.trim()}”.`);
      return;
    }
    const fromServer = refusal.code === 'bad_request' ? fieldProblemsOf(refusal.details, QUICK_REPLY_FIELDS) : {};
    setProblems(fromServer);
    setError(problemsSummary(fromServer) ?? describeError(refusal));
  };

  const toggleLocation = (locationId: number, on: boolean) =>
    setDraft((current) => ({
      ...current,
      locationIds: on ? [...current.locationIds, locationId] : current.locationIds.filter((idOf) => idOf !== locationId),
    }));

  return (
    <section className="settings-card" aria-labelledby={`${id}-heading`}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!saving) void save();
        }}
      >
        <div className="settings-card__header">
          <h2 id={`${id}-heading`} className="settings-card__title">
            {editing ? `Edit “${editing.title}”` : 'Add a quick reply'}
          </h2>
          <div className="settings-card__actions">
            <button type="button" className="secondary-button" onClick={() => onClose(null)}>
              Cancel
            </button>
            <button type="submit" className="primary-button" disabled={saving}>
              {saving ? 'Saving…' : 'Save quick reply'}
            </button>
          </div>
        </div>
        {error && (
          <p className="notice notice--error" role="alert">
            {error}
          </p>
        )}
        <div className="form-field">
          <label htmlFor={field('title')}>Title</label>
          <input
            id={field('title')}
            type="text"
            autoComplete="off"
            maxLength={QUICK_REPLY_TITLE_MAX}
            value={draft.title}
            aria-invalid={problems.title ? true : undefined}
            aria-describedby={describedBy('title')}
            onChange={(event) => setDraft({ ...draft, title: event.target.value })}
          />
          <FieldError id={`${field('title')}-error`} message={problems.title} />
        </div>
        <div className="form-field">
          <label htmlFor={field('text')}>Text</label>
          <textarea
            id={field('text')}
            rows={4}
            maxLength={QUICK_REPLY_TEXT_MAX}
            value={draft.text}
            aria-invalid={problems.text ? true : undefined}
            aria-describedby={describedBy('text', `${id}-placeholders`)}
            onChange={(event) => setDraft({ ...draft, text: event.target.value })}
          />
          <FieldError id={`${field('text')}-error`} message={problems.text} />
          <div id={`${id}-placeholders`}>
            <p className="option-list__help">Placeholders are filled in with each conversation’s details:</p>
            <dl className="placeholder-list">
              {PLACEHOLDER_NAMES.map((name) => (
                <div key={name} style={{ display: 'contents' }}>
                  <dt>{placeholderToken(name)}</dt>
                  <dd>{PLACEHOLDERS[name]}</dd>
                </div>
              ))}
            </dl>
          </div>
        </div>
        <fieldset className="option-list" aria-describedby={describedBy('locationIds')}>
          <legend className="option-list__legend">Offered at</legend>
          <p className="option-list__help">Tick none to offer it at every location.</p>
          {locations.map((location) => (
            <div key={location.id} className="option-row">
              <input
                id={`${field('locationIds')}-${location.id}`}
                type="checkbox"
                checked={draft.locationIds.includes(location.id)}
                onChange={(event) => toggleLocation(location.id, event.target.checked)}
              />
              <label htmlFor={`${field('locationIds')}-${location.id}`} className="option-row__label">
                {location.name}
              </label>
            </div>
          ))}
          <FieldError id={`${field('locationIds')}-error`} message={problems.locationIds} />
        </fieldset>
      </form>
    </section>
  );
}
