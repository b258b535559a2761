// Gives a conversation's thumbnails their full-size viewer, stepping through the photos of the
// messages loaded in it.
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { Attachment } from '../../shared/domain';
import { conversationPhotos } from './photoViewer';
import { PhotoViewer } from './PhotoViewer';
import { PhotoViewerContext } from './PhotoViewerContext';

interface PhotoViewerProviderProps {
  messages: readonly { attachments: readonly Attachment[] }[];
  children: ReactNode;
}

export function PhotoViewerProvider({ messages, children }: PhotoViewerProviderProps) {
  const photos = useMemo(() => conversationPhotos(messages), [messages]);
  const [shownId, setShownId] = useState<number | null>(null);
  const open = useCallback((attachmentId: number) => setShownId(attachmentId), []);
  const close = useCallback(() => setShownId(null), []);
  const shown = shownId === null ? undefined : photos.find((photo) => photo.id === shownId);
  return (
    <PhotoViewerContext value={open}>
      {children}
      {shown && <PhotoViewer photos={photos} shown={shown} onShow={(photo) => setShownId(photo.id)} onClose={close} />}
    </PhotoViewerContext>
  );
}
