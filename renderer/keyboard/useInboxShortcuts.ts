// Listens for the inbox's shortcuts on the whole page while the inbox is on screen, and runs the
// handler its action has. Keys pressed inside an open dialog or menu, or already handled by the
// control that had them, are left alone.
import { useEffect, useRef } from 'react';
import { isTextField, shortcutFor, type ShortcutAction } from './shortcuts';

export type ShortcutHandlers = Partial<Record<ShortcutAction, () => void>>;

export function useInboxShortcuts(enabled: boolean, handlers: ShortcutHandlers): void {
  // The latest handlers, without re-adding the listener on every render.
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || event.repeat) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('dialog, [role="menu"]')) return;
      const action = shortcutFor(event, 'inbox', isTextField(target));
      const handler = action && latest.current[action];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
