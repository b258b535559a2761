// Settings → Quick replies: the library, fetched on every (re)connect, and saving a reply
// (new or edited) or deleting one. Each answer updates the list at once.
import { useCallback, useEffect, useState } from 'react';
import type { Location } from '../../shared/domain';
import type { QuickReply, QuickReplyDraft } from '../../shared/quickReplyEvents';
import type { AppError } from '../../shared/result';
import { useStaff } from '../session/StaffContext';

export type LibraryState = { items: QuickReply[]; locations: Location[] } | null;

const byTitle = (a: QuickReply, b: QuickReply) => a.title.localeCompare(b.title, undefined, { sensitivity: 'base' }) || a.id - b.id;

export function useQuickReplyLibrary() {
  const { api } = useStaff();
  const [library, setLibrary] = useState<LibraryState>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);

  const load = useCallback(() => {
    void api.request('quickReply:library', {}).then((result) => {
      if (result.ok) setLibrary(result.data);
      else setLoadError(result.error);
    });
  }, [api]);
  useEffect(() => api.whenConnected(load), [api, load]);

  const withReply = (reply: QuickReply) =>
    setLibrary((current) => current && { ...current, items: [...current.items.filter((item) => item.id !== reply.id), reply].sort(byTitle) });

  /** Saves a new reply (no `editing`) or an edit of one; answers the error, if any. */
  const save = async (draft: QuickReplyDraft, editing: QuickReply | null): Promise<AppError | null> => {
    const result = editing
      ? await api.request('quickReply:update', { id: editing.id, reply: draft, baseVersion: editing.version })
      : await api.request('quickReply:create', { reply: draft });
    if (!result.ok) return result.error;
    withReply(result.data);
    return null;
  };

  const remove = async (reply: QuickReply): Promise<AppError | null> => {
    const result = await api.request('quickReply:delete', { id: reply.id });
    if (!result.ok && result.error.code !== 'not_found') return result.error;
    setLibrary((current) => current && { ...current, items: current.items.filter((item) => item.id !== reply.id) });
    return null;
  };

  return { library, loadError, save, remove, reload: load };
}
