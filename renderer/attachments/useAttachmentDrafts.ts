// The composer's attachments: checks picked files, uploads each at once (so the sender sees
// progress while still typing) and hands the stored ones to the message when it is sent.
import { useCallback, useReducer, useRef, useState } from 'react';
import { describeError } from '../api/errors';
import { attachmentDraftsReducer, draftReadiness, type AttachmentDraft } from './attachmentDrafts';
import { checkNewAttachments } from './attachmentRules';
import { useAttachmentClient } from './AttachmentContext';

export type FileDraft = AttachmentDraft<File>;

export function useAttachmentDrafts(describe: typeof describeError = describeError) {
  const client = useAttachmentClient();
  const [drafts, dispatch] = useReducer(attachmentDraftsReducer<File>, []);
  const [problems, setProblems] = useState<string[]>([]);
  const nextKey = useRef(0);
  // Uploads finishing after the draft was removed or sent must not bring it back.
  const live = useRef(new Set<string>());

  const upload = useCallback(
    (key: string, file: File) => {
      live.current.add(key);
      void client.upload(file).then((result) => {
        if (!live.current.has(key)) return;
        if (result.ok) dispatch({ type: 'uploaded', key, attachment: result.data });
        else dispatch({ type: 'upload-failed', key, error: describe(result.error) });
      });
    },
    [client, describe],
  );

  const add = useCallback(
    (files: File[]) => {
      const { accepted, problems: refused } = checkNewAttachments(drafts.length, files);
      setProblems(refused);
      const added = accepted.map((file) => ({ key: `draft-${(nextKey.current += 1)}`, file, name: file.name, size: file.size }));
      if (added.length === 0) return;
      dispatch({ type: 'added', drafts: added });
      for (const draft of added) upload(draft.key, draft.file);
    },
    [drafts.length, upload],
  );

  const remove = useCallback((key: string) => {
    live.current.delete(key);
    setProblems([]);
    dispatch({ type: 'removed', key });
  }, []);

  const retry = useCallback(
    (draft: FileDraft) => {
      dispatch({ type: 'retrying', key: draft.key });
      upload(draft.key, draft.file);
    },
    [upload],
  );

  const clear = useCallback(() => {
    live.current.clear();
    setProblems([]);
    dispatch({ type: 'sent' });
  }, []);

  return { drafts, readiness: draftReadiness(drafts), problems, add, remove, retry, clear };
}
