// The composer's Attach button (a hidden file input behind a real button, so it is focusable
// and named like every other control) and the list of files picked for the message, images
// with a small preview of their own.
import { useCallback, useRef } from 'react';
import { ATTACHMENTS_PER_MESSAGE_MAX } from '../../shared/domain';
import { ATTACHMENT_ACCEPT, formatFileSize, isImageType } from './attachmentRules';
import type { FileDraft } from './useAttachmentDrafts';

interface AttachButtonProps {
  attachedCount: number;
  onFiles: (files: File[]) => void;
}

export function AttachButton({ attachedCount, onFiles }: AttachButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  const full = attachedCount >= ATTACHMENTS_PER_MESSAGE_MAX;
  return (
    <>
      <button
        type="button"
        className="secondary-button composer__attach"
        onClick={() => input.current?.click()}
        disabled={full}
        title={full ? `Up to ${ATTACHMENTS_PER_MESSAGE_MAX} files per message` : 'Attach images or PDFs'}
      >
        <PaperclipIcon />
        <span className="composer__attach-label">Attach</span>
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ATTACHMENT_ACCEPT}
        hidden
        data-testid="attachment-input"
        onChange={(event) => {
          onFiles(Array.from(event.target.files ?? []));
          // Picking the same file again after removing it must fire a change again.
          event.target.value = '';
        }}
      />
    </>
  );
}

interface AttachmentDraftListProps {
  drafts: FileDraft[];
  onRemove: (key: string) => void;
  onRetry: (draft: FileDraft) => void;
}

export function AttachmentDraftList({ drafts, onRemove, onRetry }: AttachmentDraftListProps) {
  if (drafts.length === 0) return null;
  return (
    <ul className="attachment-drafts" aria-label="Files to send">
      {drafts.map((draft) => (
        <li
          key={draft.key}
          className={`attachment-draft attachment-draft--${draft.status}`}
          data-testid="attachment-draft"
          data-status={draft.status}
        >
          {isImageType(draft.file.type) && <DraftThumbnail file={draft.file} />}
          <span className="attachment-draft__name">{draft.name}</span>
          <span className="attachment-draft__meta">
            {formatFileSize(draft.size)}
            {' · '}
            {draft.status === 'uploading' && 'Uploading…'}
            {draft.status === 'uploaded' && 'Ready'}
            {draft.status === 'failed' && <span className="attachment-draft__error">Not uploaded: {draft.error}</span>}
          </span>
          {draft.status === 'failed' && (
            <button type="button" className="link-button" onClick={() => onRetry(draft)}>
              Retry<span className="visually-hidden"> {draft.name}</span>
            </button>
          )}
          <button type="button" className="link-button" onClick={() => onRemove(draft.key)}>
            Remove<span className="visually-hidden"> {draft.name}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** A picked image before it is sent: a blob: URL of the file on this computer, revoked as the
 * draft goes (removed or sent) so its memory goes with it. */
function DraftThumbnail({ file }: { file: File }) {
  // A ref callback with a cleanup: the URL lives exactly as long as this <img> shows this file.
  const showFile = useCallback(
    (image: HTMLImageElement) => {
      const url = URL.createObjectURL(file);
      image.src = url;
      return () => URL.revokeObjectURL(url);
    },
    [file],
  );
  return <img ref={showFile} className="attachment-draft__thumbnail" alt="" data-testid="attachment-draft-thumbnail" />;
}

export function PaperclipIcon() {
  return (
    <svg className="button-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M16.5 6.5v9.75a4.5 4.5 0 0 1-9 0V5.75a3 3 0 0 1 6 0v9.5a1.5 1.5 0 0 1-3 0V7h-1.5v8.25a3 3 0 0 0 6 0v-9.5a4.5 4.5 0 0 0-9 0v10.5a6 6 0 0 0 12 0V6.5z" />
    </svg>
  );
}
