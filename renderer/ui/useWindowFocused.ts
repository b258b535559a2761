// Whether this window has focus: messages count as read, and notifications stay quiet, only
// while the member is actually looking.
import { useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void): (() => void) => {
  window.addEventListener('focus', onChange);
  window.addEventListener('blur', onChange);
  document.addEventListener('visibilitychange', onChange);
  return () => {
    window.removeEventListener('focus', onChange);
    window.removeEventListener('blur', onChange);
    document.removeEventListener('visibilitychange', onChange);
  };
};

export const isWindowFocused = (): boolean => document.hasFocus() && document.visibilityState === 'visible';

export function useWindowFocused(): boolean {
  return useSyncExternalStore(subscribe, isWindowFocused);
}
