// A conversation's context menu in the list: opened by a right click or the keyboard's menu key
// (Shift+F10), focus on its first item, arrow keys between items, Escape or a click elsewhere
// closes it and focus goes back to the conversation.
import { useEffect, useRef, type KeyboardEvent } from 'react';

export interface MenuItem {
  label: string;
  onSelect: () => void;
}

interface ConversationMenuProps {
  label: string;
  items: readonly MenuItem[];
  onClose: () => void;
}

export function ConversationMenu({ label, items, onClose }: ConversationMenuProps) {
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const closeOnOutsidePointer = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', closeOnOutsidePointer);
    return () => document.removeEventListener('pointerdown', closeOnOutsidePointer);
  }, [onClose]);

  const backToRow = () => menu.current?.parentElement?.querySelector<HTMLButtonElement>('button')?.focus();

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const entries = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLButtonElement);
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: entries.length - 1 };
    if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      onClose();
      backToRow();
    } else if (event.key in moves) {
      event.preventDefault();
      entries[(moves[event.key]! + entries.length) % entries.length]?.focus();
    }
    // The list moves between conversations with these keys: not while the menu is open.
    event.stopPropagation();
  };

  return (
    <div ref={menu} role="menu" aria-label={label} className="conversation-menu" onKeyDown={onKeyDown}>
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          className="conversation-menu__item"
          onClick={() => {
            onClose();
            backToRow();
            item.onSelect();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
