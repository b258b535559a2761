// The "Keyboard shortcuts" overlay (press ?): every shortcut of the shortcut table, grouped by
// where it works. Escape or Close shuts it and the focus goes back where it was.
import { useId, useRef } from 'react';
import { comboLabel, isMacPlatform, SCOPE_TITLES, SHORTCUTS, type ShortcutScope } from './shortcuts';
import { useModalDialog } from './useModalDialog';
import '../styles/keyboard.css';

const MAC = isMacPlatform();

interface ShortcutsDialogProps {
  open: boolean;
  onClose: () => void;
}

export function ShortcutsDialog({ open, onClose }: ShortcutsDialogProps) {
  const closeButton = useRef<HTMLButtonElement>(null);
  const { dialog, trapTab } = useModalDialog(open, closeButton);
  const titleId = useId();
  const scopes = Object.keys(SCOPE_TITLES) as ShortcutScope[];
  if (!open) return null;
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog shortcuts-dialog"
      aria-labelledby={titleId}
      onKeyDown={trapTab}
      // Escape closes the dialog natively; keep our state in step.
      onClose={onClose}
    >
      <h2 id={titleId} className="confirm-dialog__title">
        Keyboard shortcuts
      </h2>
      <p className="confirm-dialog__body">Single keys work while you are not typing in a box.</p>
      {scopes.map((scope) => (
        <section key={scope} className="shortcuts-dialog__group" aria-labelledby={`${titleId}-${scope}`}>
          <h3 id={`${titleId}-${scope}`} className="shortcuts-dialog__heading">
            {SCOPE_TITLES[scope]}
          </h3>
          <dl className="shortcuts-dialog__list">
            {SHORTCUTS.filter((shortcut) => shortcut.scope === scope).map((shortcut) => (
              <div key={shortcut.action} className="shortcuts-dialog__row" data-testid="shortcut" data-action={shortcut.action}>
                <dt>{shortcut.description}</dt>
                <dd>
                  {shortcut.keys.map((combo, index) => (
                    <span key={index}>
                      {index > 0 && <span className="shortcuts-dialog__or"> or </span>}
                      <kbd>{comboLabel(combo, MAC)}</kbd>
                    </span>
                  ))}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <div className="confirm-dialog__actions">
        <button ref={closeButton} type="button" className="secondary-button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
