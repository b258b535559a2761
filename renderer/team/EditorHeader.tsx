// The top of a Team editor (a group, a member, a new member): its title, which takes focus when
// it opens, a line of help, and Cancel / Save.
import type { ReactNode } from 'react';
import { useFocusOnMount } from '../ui/useFocusOnMount';

interface EditorHeaderProps {
  titleId: string;
  title: string;
  help: ReactNode;
  saving: boolean;
  /** Save stays disabled, e.g. while a conflict waits for a choice. */
  blocked?: boolean;
  onCancel: () => void;
}

export function EditorHeader({ titleId, title, help, saving, blocked = false, onCancel }: EditorHeaderProps) {
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  return (
    <div className="settings-card__header">
      <div>
        <h2 id={titleId} className="settings-card__title" ref={titleRef} tabIndex={-1}>
          {title}
        </h2>
        <p className="settings-card__help">{help}</p>
      </div>
      <div className="settings-card__actions">
        <button type="button" className="secondary-button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary-button" disabled={saving || blocked}>
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </div>
  );
}
