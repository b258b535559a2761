// Lets a message's thumbnail open the conversation's full-size photo viewer. Without a viewer
// (the client page) thumbnails are plain images.
import { createContext, useContext } from 'react';

export type OpenPhoto = (attachmentId: number) => void;

export const PhotoViewerContext = createContext<OpenPhoto | null>(null);

export const useOpenPhoto = (): OpenPhoto | null => useContext(PhotoViewerContext);
