// What may be attached to a message, checked before uploading so the sender hears at once why
// a file can't go (the server checks again, from the bytes rather than the name).
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES,
  ATTACHMENTS_PER_MESSAGE_MAX,
  type Attachment,
} from '../../shared/domain';

export type AttachmentType = Attachment['contentType'];

/** What the file input gives us of a file. */
export interface CandidateFile {
  name: string;
  type: string;
  size: number;
}

export const ATTACHMENT_ACCEPT = ATTACHMENT_TYPES.join(',');

export const isAttachmentType = (type: string): type is AttachmentType =>
  (ATTACHMENT_TYPES as readonly string[]).includes(type);

export const isImageType = (type: string): boolean => type.startsWith('image/');

export interface FileCheck<F extends CandidateFile> {
  accepted: F[];
  /** One sentence per refused file (or for the whole batch when over the count). */
  problems: string[];
}

/** Splits newly picked files into those to upload and plain-language reasons for the rest. */
export function checkNewAttachments<F extends CandidateFile>(alreadyAttached: number, files: readonly F[]): FileCheck<F> {
  const accepted: F[] = [];
  const problems: string[] = [];
  let overLimit = 0;
  for (const file of files) {
    if (!isAttachmentType(file.type)) {
      problems.push(`${file.name} can't be attached: only images (PNG, JPEG, GIF, WebP) and PDFs can be sent.`);
    } else if (file.size === 0) {
      problems.push(`${file.name} is empty.`);
    } else if (file.size > ATTACHMENT_MAX_BYTES) {
      problems.push(`${file.name} is too large: files can be up to ${formatFileSize(ATTACHMENT_MAX_BYTES)}.`);
    } else if (alreadyAttached + accepted.length >= ATTACHMENTS_PER_MESSAGE_MAX) {
      overLimit += 1;
    } else {
      accepted.push(file);
    }
  }
  if (overLimit > 0) {
    const skipped = overLimit === 1 ? '1 file was' : `${overLimit} files were`;
    problems.push(`You can attach up to ${ATTACHMENTS_PER_MESSAGE_MAX} files to one message; ${skipped} left out.`);
  }
  return { accepted, problems };
}

/** "820 bytes", "12 KB", "3.4 MB": sizes as people read them (1 KB = 1024 bytes). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const kilobytes = bytes / 1024;
  if (kilobytes < 1024) return `${Math.round(kilobytes)} KB`;
  const megabytes = kilobytes / 1024;
  return `${megabytes < 10 ? megabytes.toFixed(1).replace(/\.0$/, '') : Math.round(megabytes)} MB`;
}

/** A message's text for previews and announcements when it may be attachments only. */
export function describeMessageContent(text: string, attachmentCount: number): string {
  if (text.trim()) return text;
  if (attachmentCount > 1) return `${attachmentCount} attachments`;
  return 'Attachment';
}
