// The full-size photo viewer: one image attachment of the conversation at a time, ← and → (or
// Previous / Next) between them, Escape or Close to leave, the focus then back on the thumbnail.
import { useId, useRef } from 'react';
import type { Attachment } from '../../shared/domain';
import { shortcutFor } from '../keyboard/shortcuts';
import { useModalDialog } from '../keyboard/useModalDialog';
import { formatFileSize } from './attachmentRules';
import { photoAt } from './photoViewer';
import { useAttachmentObjectUrl } from './useAttachmentObjectUrl';
import '../styles/photos.css';

interface PhotoViewerProps {
  photos: readonly Attachment[];
  shown: Attachment;
  onShow: (attachment: Attachment) => void;
  onClose: () => void;
}

export function PhotoViewer({ photos, shown, onShow, onClose }: PhotoViewerProps) {
  const closeButton = useRef<HTMLButtonElement>(null);
  const { dialog, trapTab } = useModalDialog(true, closeButton);
  const titleId = useId();
  const { url, error } = useAttachmentObjectUrl(shown.id);
  const previous = photoAt(photos, shown.id, -1);
  const next = photoAt(photos, shown.id, 1);
  const position = photos.findIndex((photo) => photo.id === shown.id) + 1;

  return (
    <dialog
      ref={dialog}
      className="photo-viewer"
      aria-labelledby={titleId}
      data-testid="photo-viewer"
      onClose={onClose}
      onKeyDown={(event) => {
        trapTab(event);
        const action = shortcutFor(event, 'dialog');
        const target = action === 'previousPhoto' ? previous : action === 'nextPhoto' ? next : null;
        if (target) {
          event.preventDefault();
          onShow(target);
        }
      }}
    >
      <header className="photo-viewer__header">
        <h2 id={titleId} className="photo-viewer__title">
          {shown.name}
        </h2>
        <p className="photo-viewer__meta" aria-live="polite">
          Photo {position} of {photos.length} · {formatFileSize(shown.size)}
        </p>
        <button ref={closeButton} type="button" className="secondary-button" onClick={onClose}>
          Close
        </button>
      </header>
      <div className="photo-viewer__stage">
        {url ? (
          <img className="photo-viewer__image" src={url} alt={shown.name} />
        ) : (
          <p className="photo-viewer__placeholder">{error ? `Couldn't show the image. ${error}` : 'Loading image…'}</p>
        )}
      </div>
      <footer className="photo-viewer__nav">
        <button type="button" className="secondary-button" disabled={!previous} onClick={() => previous && onShow(previous)}>
          ← Previous photo
        </button>
        <button type="button" className="secondary-button" disabled={!next} onClick={() => next && onShow(next)}>
          Next photo →
        </button>
      </footer>
    </dialog>
  );
}
