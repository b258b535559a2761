// A message's attachments: images as thumbnails, PDFs as files, each with its name, size and
// a Download button. Bytes come through the page's AttachmentClient (they need the token). Where
// the page has a photo viewer (staff), a thumbnail is a button that opens it full size.
import { useState } from 'react';
import type { Attachment } from '../../shared/domain';
import { formatFileSize, isImageType } from './attachmentRules';
import { useAttachmentClient } from './AttachmentContext';
import { useOpenPhoto } from './PhotoViewerContext';
import { saveAttachment, useAttachmentObjectUrl } from './useAttachmentObjectUrl';

export function MessageAttachments({ attachments }: { attachments: Attachment[] }) {
  if (attachments.length === 0) return null;
  return (
    <ul className="message-attachments" aria-label="Attachments">
      {attachments.map((attachment) => (
        <li
          key={attachment.id}
          className={isImageType(attachment.contentType) ? 'message-attachment' : 'message-attachment message-attachment--file'}
          data-testid="attachment"
          data-attachment-id={attachment.id}
          data-content-type={attachment.contentType}
        >
          {isImageType(attachment.contentType) ? <ImagePreview attachment={attachment} /> : <FileIcon />}
          <AttachmentCaption attachment={attachment} />
        </li>
      ))}
    </ul>
  );
}

function ImagePreview({ attachment }: { attachment: Attachment }) {
  const { url, error } = useAttachmentObjectUrl(attachment.id);
  const openPhoto = useOpenPhoto();
  if (url && openPhoto) {
    return (
      <button type="button" className="message-attachment__open" aria-label={`View ${attachment.name} full size`} onClick={() => openPhoto(attachment.id)}>
        <img className="message-attachment__image" src={url} alt={attachment.name} />
      </button>
    );
  }
  if (url) return <img className="message-attachment__image" src={url} alt={attachment.name} />;
  return (
    <p className="message-attachment__placeholder">{error ? `Couldn't show the image. ${error}` : 'Loading image…'}</p>
  );
}

function AttachmentCaption({ attachment }: { attachment: Attachment }) {
  const client = useAttachmentClient();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    setError(await saveAttachment(client, attachment));
    setSaving(false);
  };
  return (
    <div className="message-attachment__caption">
      <span className="message-attachment__name">{attachment.name}</span>
      <span className="message-attachment__size">{formatFileSize(attachment.size)}</span>
      <button type="button" className="link-button" onClick={() => void save()} disabled={saving}>
        {saving ? 'Downloading…' : 'Download'}
        <span className="visually-hidden"> {attachment.name}</span>
      </button>
      {error && (
        <span className="message-attachment__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

function FileIcon() {
  return (
    <svg className="message-attachment__file-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M6 2h8l6 6v12.5A1.5 1.5 0 0 1 18.5 22h-13A1.5 1.5 0 0 1 4 20.5v-17A1.5 1.5 0 0 1 5.5 2zm7.5 1.5V8.5h5zM7 13v1.5h10V13zm0 3.5V18h7v-1.5z" />
    </svg>
  );
}
