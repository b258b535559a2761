// Files picked for the message being written: each uploads on its own, and the message can go
// once every one of them is stored on the server. Pure, so the rules are tested without a DOM.
import type { Attachment } from '../../shared/domain';

export interface AttachmentDraft<F = unknown> {
  /** Local key: the same file may be picked twice. */
  key: string;
  file: F;
  name: string;
  size: number;
  status: 'uploading' | 'uploaded' | 'failed';
  attachment: Attachment | null;
  error: string | null;
}

export type DraftAction<F> =
  | { type: 'added'; drafts: { key: string; file: F; name: string; size: number }[] }
  | { type: 'uploaded'; key: string; attachment: Attachment }
  | { type: 'upload-failed'; key: string; error: string }
  | { type: 'retrying'; key: string }
  | { type: 'removed'; key: string }
  | { type: 'sent' };

export function attachmentDraftsReducer<F>(drafts: AttachmentDraft<F>[], action: DraftAction<F>): AttachmentDraft<F>[] {
  const update = (key: string, change: Partial<AttachmentDraft<F>>) =>
    drafts.map((draft) => (draft.key === key ? { ...draft, ...change } : draft));
  switch (action.type) {
    case 'added':
      return [
        ...drafts,
        ...action.drafts.map((draft) => ({ ...draft, status: 'uploading' as const, attachment: null, error: null })),
      ];
    case 'uploaded':
      return update(action.key, { status: 'uploaded', attachment: action.attachment, error: null });
    case 'upload-failed':
      return update(action.key, { status: 'failed', error: action.error });
    case 'retrying':
      return update(action.key, { status: 'uploading', error: null });
    case 'removed':
      return drafts.filter((draft) => draft.key !== action.key);
    case 'sent':
      return [];
  }
}

export interface DraftReadiness {
  /** Stored on the server, in the order they were picked. */
  attachments: Attachment[];
  uploading: boolean;
  failed: boolean;
}

export function draftReadiness(drafts: readonly AttachmentDraft<unknown>[]): DraftReadiness {
  return {
    attachments: drafts.flatMap((draft) => (draft.attachment ? [draft.attachment] : [])),
    uploading: drafts.some((draft) => draft.status === 'uploading'),
    failed: drafts.some((draft) => draft.status === 'failed'),
  };
}

/** A message can go with text, attachments or both, but not while a file is still uploading or
 * has failed (sending without it would drop a file the sender meant to send). */
export function canSendMessage(text: string, readiness: DraftReadiness): boolean {
  if (readiness.uploading || readiness.failed) return false;
  return text.trim().length > 0 || readiness.attachments.length > 0;
}
