// Permission-group edits made while offline: queued with the version they were based on (and
// the group as it was, so only the manager's own changes are replayed), kept in the preference
// cache across reloads, and applied on reconnect. An edit whose group nobody else changed
// applies without asking; one whose group changed meanwhile waits for the manager to choose
// between the two versions — nothing is silently overwritten.
import { z } from 'zod';
import { permissionGroupSchema, type PermissionGroup } from '../../shared/teamEvents';
import type { DesktopBridge } from '../../shared/bridge';
import { groupGrantsSchema } from '../../shared/permissions';
import { isTransientSendError } from '../../shared/offline/outbox';
import type { Result } from '../../shared/result';
import { describeError } from '../api/errors';
import { newerFromDetails } from '../settings/conflictDetails';
import { groupDraftChanged, withOwnGroupEdits, type GroupDraft } from '../team/groupEditor';

const draftSchema = z.object({ name: z.string(), grants: groupGrantsSchema });

const pendingGroupEditSchema = z.object({
  groupId: z.number().int().positive(),
  baseVersion: z.number().int().nonnegative(),
  base: draftSchema,
  draft: draftSchema,
  queuedAt: z.number().int().nonnegative(),
  /** queued: waits for the connection; conflict: waits for the manager; failed: refused. */
  state: z.enum(['queued', 'conflict', 'failed']),
  theirs: permissionGroupSchema.nullable(),
  error: z.string().nullable(),
});
export type PendingGroupEdit = z.infer<typeof pendingGroupEditSchema>;
const storedSchema = z.array(pendingGroupEditSchema);

export const pendingEditsKey = (memberId: number) => `edits:m${memberId}`;

export type UpdateGroup = (update: { groupId: number; name: string; grants: GroupDraft['grants']; baseVersion: number }) => Promise<Result<PermissionGroup>>;

const asGroup = (groupId: number, draft: GroupDraft, version: number): PermissionGroup => ({ id: groupId, ...draft, memberCount: 0, version });
const draftOf = (group: PermissionGroup): GroupDraft => ({ name: group.name, grants: group.grants });

export interface PendingEdits {
  snapshot(): PendingGroupEdit[];
  subscribe(listener: () => void): () => void;
  /** Queues an edit; a second edit of the same group goes on top of the first. */
  queue(edit: { groupId: number; baseVersion: number; base: GroupDraft; draft: GroupDraft }): Promise<void>;
  /** Applies what is queued; resolves with the groups it saved. */
  apply(): Promise<PermissionGroup[]>;
  useTheirs(groupId: number): Promise<void>;
  /** Puts the manager's own changes on top of their version and applies that. */
  keepMine(groupId: number): Promise<PermissionGroup[]>;
  discard(groupId: number): Promise<void>;
  load(): Promise<void>;
}

export function createPendingEdits(prefs: Pick<DesktopBridge, 'readPref' | 'writePref'>, memberId: number, updateGroup: UpdateGroup, now = Date.now): PendingEdits {
  const key = pendingEditsKey(memberId);
  let edits: PendingGroupEdit[] = [];
  const listeners = new Set<() => void>();
  let applying: Promise<PermissionGroup[]> | null = null;

  const save = async (next: PendingGroupEdit[]) => {
    edits = next;
    for (const listener of listeners) listener();
    await prefs.writePref(key, next).catch(() => undefined);
  };
  const replace = (groupId: number, change: (edit: PendingGroupEdit) => PendingGroupEdit | null) =>
    save(edits.flatMap((edit) => (edit.groupId !== groupId ? [edit] : (change(edit) ?? []))));

  async function applyOne(edit: PendingGroupEdit): Promise<'saved' | 'stop' | 'next'> {
    const result = await updateGroup({ groupId: edit.groupId, name: edit.draft.name.trim(), grants: edit.draft.grants, baseVersion: edit.baseVersion });
    if (result.ok) {
      await replace(edit.groupId, () => null);
      return 'saved';
    }
    if (isTransientSendError(result.error)) return 'stop';
    const theirs = result.error.code === 'conflict' ? newerFromDetails(permissionGroupSchema, result.error.details) : null;
    if (theirs && theirs.id === edit.groupId) {
      // They already made every change the manager made: nothing of ours is left to apply.
      if (!groupDraftChanged(withOwnGroupEdits(theirs, edit), theirs)) await replace(edit.groupId, () => null);
      else await replace(edit.groupId, (held) => ({ ...held, state: 'conflict', theirs }));
      return 'next';
    }
    await replace(edit.groupId, (held) => ({ ...held, state: 'failed', error: describeError(result.error) }));
    return 'next';
  }

  const apply = async (): Promise<PermissionGroup[]> => {
    if (applying) return applying;
    applying = (async () => {
      const saved: PermissionGroup[] = [];
      for (const edit of edits.filter((held) => held.state === 'queued')) {
        const outcome = await applyOne(edit);
        if (outcome === 'stop') break;
        if (outcome === 'saved') saved.push(asGroup(edit.groupId, edit.draft, edit.baseVersion + 1));
      }
      return saved;
    })();
    try {
      return await applying;
    } finally {
      applying = null;
    }
  };

  return {
    snapshot: () => edits,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async load() {
      const parsed = storedSchema.safeParse(await prefs.readPref(key).catch(() => undefined));
      edits = parsed.success ? parsed.data : [];
      for (const listener of listeners) listener();
    },
    async queue({ groupId, baseVersion, base, draft }) {
      const held = edits.find((edit) => edit.groupId === groupId);
      const next: PendingGroupEdit = held
        ? { ...held, draft: withOwnGroupEdits(asGroup(groupId, held.draft, held.baseVersion), { draft, base }), state: 'queued', error: null }
        : { groupId, baseVersion, base, draft, queuedAt: now(), state: 'queued', theirs: null, error: null };
      await save([...edits.filter((edit) => edit.groupId !== groupId), next]);
    },
    apply,
    useTheirs: (groupId) => replace(groupId, () => null),
    async keepMine(groupId) {
      await replace(groupId, (edit) =>
        edit.theirs
          ? { ...edit, draft: withOwnGroupEdits(edit.theirs, edit), base: draftOf(edit.theirs), baseVersion: edit.theirs.version, state: 'queued', theirs: null }
          : edit,
      );
      return apply();
    },
    discard: (groupId) => replace(groupId, () => null),
  };
}
