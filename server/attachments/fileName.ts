// Attachment file names: decoded from the X-File-Name header, cleaned so they are safe to show
// and to put in a Content-Disposition header, and given the extension of what the bytes are.
import type { AttachmentContentType } from './attachments.repository';
import { EXTENSIONS } from './fileType';

export const FILE_NAME_MAX = 120;
const DEFAULT_BASE_NAME = 'attachment';

/** Control characters, the characters Windows and macOS refuse in file names, and the
 * bidirectional overrides that make "invoice\u202Egnp.exe" display as "invoiceexe.png". */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const knownExtensions = new Set(Object.values(EXTENSIONS).flat());

/** Decodes the header value; null when it is not valid URI encoding. */
export function decodeFileNameHeader(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** A display name for the upload that ends in an extension matching its real type: a known
 * but wrong extension is replaced (scan.png holding a PDF becomes scan.pdf), any other is kept
 * and the right one appended. */
export function attachmentFileName(given: string, type: AttachmentContentType): string {
  const lastSegment = given.split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment.replace(/\s+/g, ' ').replace(UNSAFE, '').trim().replace(/^\.+/, '');
  const dot = cleaned.lastIndexOf('.');
  const givenExtension = dot > 0 ? cleaned.slice(dot + 1) : '';
  const extension = givenExtension.toLowerCase();
  const allowed = EXTENSIONS[type];
  let base = cleaned;
  if (dot > 0 && (allowed.includes(extension) || knownExtensions.has(extension))) base = cleaned.slice(0, dot);
  const finalExtension = allowed.includes(extension) ? givenExtension : (allowed[0] ?? 'bin');
  const room = FILE_NAME_MAX - finalExtension.length - 1;
  const trimmedBase = [...(base || DEFAULT_BASE_NAME)].slice(0, room).join('').trim() || DEFAULT_BASE_NAME;
  return `${trimmedBase}.${finalExtension}`;
}

/** `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266). */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  // encodeURIComponent leaves ' ( ) * as they are; RFC 5987 wants them encoded too.
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
