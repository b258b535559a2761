// Files dragged from the computer onto an area (the open conversation): the area says it takes
// them while they are over it, and dropped ones go where picked ones go. Other drags (text,
// links) are left to the browser.
import { useRef, useState, type DragEvent } from 'react';

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');

export function useFileDrop(onFiles: ((files: File[]) => void) | null) {
  const [dropping, setDropping] = useState(false);
  // dragenter/dragleave fire for every child crossed: count them to know when the drag left.
  const depth = useRef(0);
  if (!onFiles) return { dropping: false, dropHandlers: {} };
  const dropHandlers = {
    onDragEnter: (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth.current += 1;
      setDropping(true);
    },
    onDragLeave: (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDropping(false);
    },
    onDragOver: (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the browser would open the file in place of the app.
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDrop: (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth.current = 0;
      setDropping(false);
      onFiles(Array.from(event.dataTransfer.files));
    },
  };
  return { dropping, dropHandlers };
}
