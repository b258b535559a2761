// A button that opens a menu of actions, the way assistive technology expects one: the button
// says it has a menu and whether it is open; arrow keys, Home and End move between the items;
// Escape closes it and gives the focus back to the button; a click elsewhere closes it.
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface MenuItem {
  key: string;
  label: string;
  onSelect: () => void;
  /** The item that is already so (e.g. the current assignee). */
  checked?: boolean;
}

interface MenuButtonProps {
  label: ReactNode;
  /** The accessible name when the visible label is not enough. */
  ariaLabel?: string;
  /** Called as the menu opens (e.g. to fetch its items). */
  onOpen?: () => void;
  items: readonly MenuItem[];
  disabled?: boolean;
}

export function MenuButton({ label, ariaLabel, onOpen, items, disabled }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const wrapper = useRef<HTMLDivElement>(null);

  const focusItem = useCallback((which: 'first' | 'last' | 1 | -1) => {
    const all = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"], [role="menuitemradio"]') ?? [])];
    if (all.length === 0) return;
    const current = all.indexOf(document.activeElement as HTMLElement);
    const index = which === 'first' ? 0 : which === 'last' ? all.length - 1 : (current + which + all.length) % all.length;
    all[index]?.focus();
  }, []);

  useEffect(() => {
    if (!open) return undefined;
    const onPointerDown = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  // The first item takes the focus as the menu opens, and again when its items arrive.
  useEffect(() => {
    if (open) focusItem('first');
  }, [open, items.length, focusItem]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, () => void> = {
      ArrowDown: () => focusItem(1),
      ArrowUp: () => focusItem(-1),
      Home: () => focusItem('first'),
      End: () => focusItem('last'),
      Escape: close,
      Tab: () => setOpen(false),
    };
    const move = moves[event.key];
    if (!move) return;
    if (event.key !== 'Tab') event.preventDefault();
    move();
  };

  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) onOpen?.();
      setOpen(true);
    }
  };

  return (
    <div className="menu-button" ref={wrapper}>
      <button
        ref={button}
        type="button"
        className="secondary-button menu-button__trigger"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={ariaLabel}
        disabled={disabled}
        onKeyDown={onButtonKeyDown}
        onClick={() => {
          if (!open) onOpen?.();
          setOpen(!open);
        }}
      >
        {label}
      </button>
      {open && (
        <ul id={menuId} ref={menu} role="menu" aria-label={ariaLabel ?? (typeof label === 'string' ? label : undefined)} className="menu" onKeyDown={onMenuKeyDown}>
          {items.map((item) => (
            <li key={item.key} role="none">
              <button
                type="button"
                role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
                aria-checked={item.checked}
                tabIndex={-1}
                className="menu__item"
                onClick={() => {
                  close();
                  item.onSelect();
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
