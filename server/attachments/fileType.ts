// What a file really is, read from its first bytes ("magic numbers"), never from its name or
// declared Content-Type: a renamed executable is refused, a PDF named .png is stored as a PDF.
import type { AttachmentContentType } from './attachments.repository';

type Signature = { type: AttachmentContentType; matches(bytes: Buffer): boolean };

const startsWith = (bytes: Buffer, prefix: readonly number[], offset = 0) =>
  bytes.length >= offset + prefix.length && prefix.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

const SIGNATURES: readonly Signature[] = [
  { type: 'image/png', matches: (bytes) => startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: 'image/jpeg', matches: (bytes) => startsWith(bytes, [0xff, 0xd8, 0xff]) },
  { type: 'image/gif', matches: (bytes) => startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a')) },
  // RIFF container: "RIFF", 4 bytes of size, then the form type "WEBP".
  { type: 'image/webp', matches: (bytes) => startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8) },
  { type: 'application/pdf', matches: (bytes) => startsWith(bytes, ascii('%PDF-')) },
];

/** The allowed type these bytes are, or null when they are none of them. */
export function sniffContentType(bytes: Buffer): AttachmentContentType | null {
  return SIGNATURES.find((signature) => signature.matches(bytes))?.type ?? null;
}

/** The usual file extensions of each type; the first is the one given to a mislabelled file. */
export const EXTENSIONS: Record<AttachmentContentType, readonly string[]> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
};
