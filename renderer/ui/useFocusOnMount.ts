// Moves keyboard focus to an element when it appears: an editor that replaced the list the
// member was in would otherwise leave focus on nothing (the button they pressed is gone).
import { useEffect, useRef } from 'react';

export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}
