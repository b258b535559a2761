// A tool working on the reply's text from outside the composer (the staff app's quick replies,
// renderer/quickReplies): it is told the text and caret, sees each key first, shows a panel
// above the box, can hold sending back, and can replace the text and select part of it.
import { useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type ReactNode, type RefObject, type TextareaHTMLAttributes } from 'react';

/** What the tool may do with the reply box. */
export interface ComposerTextHandle {
  /** Replaces the text (kept as the draft) and selects [start, end] in it. */
  setText(text: string, selection: readonly [number, number]): void;
  focus(): void;
  caret(): number;
}

export interface ComposerAssist {
  bind(handle: ComposerTextHandle): void;
  onTextChange(text: string, caret: number): void;
  /** True when it handled the key (the composer then does nothing with it). */
  onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean;
  inputProps: Pick<TextareaHTMLAttributes<HTMLTextAreaElement>, 'aria-controls' | 'aria-activedescendant' | 'aria-autocomplete'>;
  panel: ReactNode;
  /** Why the text cannot be sent as it is (shown in place of the hint), or null. */
  blockedReason: ReactNode | null;
}

/** Binds the tool to the box; returns what to call when the caret moves. `edit` stores a text
 * as the member's own edit. */
export function useComposerAssist(
  assist: ComposerAssist | undefined,
  draft: string,
  inputRef: RefObject<HTMLTextAreaElement | null>,
  edit: (text: string) => void,
): ((text: string, caret: number) => void) | undefined {
  const editRef = useRef(edit);
  useLayoutEffect(() => {
    editRef.current = edit;
  });
  const pendingSelection = useRef<readonly [number, number] | null>(null);
  const handle = useMemo<ComposerTextHandle>(
    () => ({
      setText(text, selection) {
        pendingSelection.current = selection;
        editRef.current(text);
      },
      focus: () => inputRef.current?.focus(),
      caret: () => inputRef.current?.selectionStart ?? 0,
    }),
    [inputRef],
  );
  const bind = assist?.bind;
  useEffect(() => bind?.(handle), [bind, handle]);
  // The selection is set once the new text is in the box.
  useLayoutEffect(() => {
    const selection = pendingSelection.current;
    pendingSelection.current = null;
    if (selection) inputRef.current?.setSelectionRange(selection[0], selection[1]);
  }, [draft, inputRef]);
  const tell = assist?.onTextChange;
  useEffect(() => tell?.(draft, inputRef.current?.selectionStart ?? draft.length), [draft, tell, inputRef]);
  return tell;
}
