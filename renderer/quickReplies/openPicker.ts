// Opening the quick reply picker from elsewhere in the app (a keyboard shortcut, a button):
// the open conversation's composer registers itself while it is on screen.
type Opener = () => void;

let opener: Opener | null = null;

/** Focuses the open conversation's reply box and opens its quick reply picker. False when no
 * reply box is on screen (no conversation open, or the member may not reply). */
export function openQuickReplyPicker(): boolean {
  if (!opener) return false;
  opener();
  return true;
}

/** For the composer: the latest one mounted wins; returns the unregister function. */
export function registerQuickReplyOpener(open: Opener): () => void {
  opener = open;
  return () => {
    if (opener === open) opener = null;
  };
}
