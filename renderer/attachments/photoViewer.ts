// The photos of a conversation as the full-size viewer steps through them: every image
// attachment of the loaded messages, oldest first, in the order each message lists them.
import type { Attachment } from '../../shared/domain';
import { isImageType } from './attachmentRules';

export function conversationPhotos(messages: readonly { attachments: readonly Attachment[] }[]): Attachment[] {
  return messages.flatMap((message) => message.attachments.filter((attachment) => isImageType(attachment.contentType)));
}

/** The photo `step` places from the one shown, or null past either end (no wrapping round:
 * the first and last photo are where the conversation starts and ends). */
export function photoAt(photos: readonly Attachment[], shownId: number, step: 1 | -1): Attachment | null {
  const index = photos.findIndex((photo) => photo.id === shownId);
  if (index === -1) return null;
  return photos[index + step] ?? null;
}
