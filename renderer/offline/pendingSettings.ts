// A Client Connect settings change saved while offline: kept in the preference cache with the
// version it was based on and the settings as they were (so only the manager's own changes are
// replayed), applied on reconnect. If nobody else saved meanwhile it applies without asking;
// otherwise it waits, showing both versions, for the manager to choose.
import { z } from 'zod';
import { settingsStateSchema, type SettingsState } from '../../shared/settingsEvents';
import type { DesktopBridge } from '../../shared/bridge';
import { workspaceSettingsSchema, type WorkspaceSettings } from '../../shared/domain';
import { isTransientSendError } from '../../shared/offline/outbox';
import type { Result } from '../../shared/result';
import { describeError } from '../api/errors';
import { newerFromDetails } from '../settings/conflictDetails';

const pendingSettingsSchema = z.object({
  baseVersion: z.number().int().nonnegative(),
  base: workspaceSettingsSchema,
  draft: workspaceSettingsSchema,
  state: z.enum(['queued', 'conflict', 'failed']),
  theirs: settingsStateSchema.nullable(),
  error: z.string().nullable(),
});
export type PendingSettings = z.infer<typeof pendingSettingsSchema>;

export const pendingSettingsKey = (memberId: number) => `edits-settings:m${memberId}`;

const KEYS = Object.keys(workspaceSettingsSchema.shape) as (keyof WorkspaceSettings)[];

/** Their settings with only what the manager changed (draft against base) on top. */
export function withOwnSettingsEdits(theirs: WorkspaceSettings, { base, draft }: { base: WorkspaceSettings; draft: WorkspaceSettings }): WorkspaceSettings {
  const merged = { ...theirs };
  for (const key of KEYS) if (draft[key] !== base[key]) merged[key] = draft[key];
  return merged;
}
const same = (a: WorkspaceSettings, b: WorkspaceSettings) => KEYS.every((key) => a[key] === b[key]);

export type UpdateSettings = (update: { settings: WorkspaceSettings; baseVersion: number }) => Promise<Result<SettingsState>>;

export interface PendingSettingsStore {
  snapshot(): PendingSettings | null;
  subscribe(listener: () => void): () => void;
  load(): Promise<void>;
  queue(edit: { baseVersion: number; base: WorkspaceSettings; draft: WorkspaceSettings }): Promise<void>;
  apply(): Promise<void>;
  useTheirs(): Promise<void>;
  keepMine(): Promise<void>;
}

export function createPendingSettings(prefs: Pick<DesktopBridge, 'readPref' | 'writePref'>, memberId: number, update: UpdateSettings): PendingSettingsStore {
  const key = pendingSettingsKey(memberId);
  let pending: PendingSettings | null = null;
  const listeners = new Set<() => void>();
  let applying: Promise<void> | null = null;
  const save = async (next: PendingSettings | null) => {
    pending = next;
    for (const listener of listeners) listener();
    await prefs.writePref(key, next ?? undefined).catch(() => undefined);
  };

  const applyOnce = async () => {
    const edit = pending;
    if (!edit || edit.state !== 'queued') return;
    const result = await update({ settings: edit.draft, baseVersion: edit.baseVersion });
    if (pending !== edit) return;
    if (result.ok) return save(null);
    if (isTransientSendError(result.error)) return;
    const theirs = result.error.code === 'conflict' ? newerFromDetails(settingsStateSchema, result.error.details) : null;
    if (!theirs) return save({ ...edit, state: 'failed', error: describeError(result.error) });
    // Nothing of ours is left to apply: they made the same change.
    if (same(withOwnSettingsEdits(theirs.settings, edit), theirs.settings)) return save(null);
    return save({ ...edit, state: 'conflict', theirs });
  };

  const apply = (): Promise<void> => {
    if (!applying) applying = applyOnce().finally(() => (applying = null));
    return applying;
  };

  return {
    snapshot: () => pending,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async load() {
      const parsed = pendingSettingsSchema.safeParse(await prefs.readPref(key).catch(() => undefined));
      pending = parsed.success ? parsed.data : null;
      for (const listener of listeners) listener();
    },
    async queue({ baseVersion, base, draft }) {
      // A second offline change goes on top of the first, from the first one's base.
      const next = pending
        ? { ...pending, draft: withOwnSettingsEdits(pending.draft, { base, draft }), state: 'queued' as const, theirs: null, error: null }
        : { baseVersion, base, draft, state: 'queued' as const, theirs: null, error: null };
      await save(next);
    },
    apply,
    useTheirs: () => save(null),
    async keepMine() {
      const edit = pending;
      if (!edit?.theirs) return;
      await save({
        baseVersion: edit.theirs.version,
        base: edit.theirs.settings,
        draft: withOwnSettingsEdits(edit.theirs.settings, edit),
        state: 'queued',
        theirs: null,
        error: null,
      });
      await apply();
    },
  };
}
