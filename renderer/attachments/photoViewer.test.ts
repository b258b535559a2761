import { describe, expect, it } from 'vitest';
import type { Attachment } from '../../shared/domain';
import { conversationPhotos, photoAt } from './photoViewer';

const attachment = (id: number, contentType: Attachment['contentType']): Attachment => ({ id, name: `file-${id}`, contentType, size: 100 });

describe('the photos the full-size viewer steps through', () => {
  const messages = [
    { attachments: [attachment(1, 'image/png'), attachment(2, 'application/pdf')] },
    { attachments: [] },
    { attachments: [attachment(3, 'image/jpeg'), attachment(4, 'image/webp')] },
  ];

  it('are the images of the messages, oldest first, without the PDFs', () => {
    expect(conversationPhotos(messages).map((photo) => photo.id)).toEqual([1, 3, 4]);
  });

  it('step forwards and backwards, and stop at either end', () => {
    const photos = conversationPhotos(messages);
    expect(photoAt(photos, 1, 1)?.id).toBe(3);
    expect(photoAt(photos, 4, -1)?.id).toBe(3);
    expect(photoAt(photos, 4, 1)).toBeNull();
    expect(photoAt(photos, 1, -1)).toBeNull();
    expect(photoAt(photos, 2, 1)).toBeNull();
  });
});
