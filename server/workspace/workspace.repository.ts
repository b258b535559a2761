// The single workspace row (name, Client Connect settings and their version) and its locations.
import type { Database } from 'better-sqlite3';
import type { SettingsState } from '../../shared/settingsEvents';
import type { Location, WorkspaceSettings } from '../../shared/domain';

export type Workspace = { name: string; settings: WorkspaceSettings };

type WorkspaceRow = {
  name: string;
  enabled: number;
  contact_button: number;
  read_receipts: number;
  typing_indicator: number;
  settings_version: number;
  settings_updated_at: number;
};

type SettingsColumns = { enabled: number; contactButton: number; readReceipts: number; typingIndicator: number };

/** `conflict` when the save was based on an older version; nothing was changed then. */
export type SettingsUpdate =
  | { kind: 'updated'; before: SettingsState; after: SettingsState }
  | { kind: 'unchanged'; current: SettingsState }
  | { kind: 'conflict'; current: SettingsState };

const settingsColumns = (settings: WorkspaceSettings): SettingsColumns => ({
  enabled: Number(settings.enabled),
  contactButton: Number(settings.contactButton),
  readReceipts: Number(settings.readReceipts),
  typingIndicator: Number(settings.typingIndicator),
});

const toSettings = (row: WorkspaceRow): WorkspaceSettings => ({
  enabled: row.enabled === 1,
  contactButton: row.contact_button === 1,
  readReceipts: row.read_receipts === 1,
  typingIndicator: row.typing_indicator === 1,
});

const toState = (row: WorkspaceRow): SettingsState => ({
  settings: toSettings(row),
  version: row.settings_version,
  updatedAt: row.settings_updated_at,
});

const sameSettings = (a: WorkspaceSettings, b: WorkspaceSettings) =>
  a.enabled === b.enabled &&
  a.contactButton === b.contactButton &&
  a.readReceipts === b.readReceipts &&
  a.typingIndicator === b.typingIndicator;

export type WorkspaceRepository = ReturnType<typeof createWorkspaceRepository>;

export function createWorkspaceRepository(db: Database) {
  const selectWorkspace = db.prepare<[], WorkspaceRow>(
    `SELECT name, enabled, contact_button, read_receipts, typing_indicator, settings_version, settings_updated_at
       FROM workspace WHERE id = 1`,
  );
  const insertWorkspace = db.prepare<{ name: string; country: string }>(
    'INSERT INTO workspace (id, name, country) VALUES (1, :name, :country)',
  );
  // Every save moves the version on, so an editor working from an older copy is told.
  const updateSettings = db.prepare<SettingsColumns & { now: number }>(
    `UPDATE workspace SET enabled = :enabled, contact_button = :contactButton,
       read_receipts = :readReceipts, typing_indicator = :typingIndicator,
       settings_version = settings_version + 1, settings_updated_at = :now
     WHERE id = 1`,
  );
  const selectLocations = db.prepare<[], Location>('SELECT id, name FROM locations ORDER BY name, id');
  const selectLocationsByIds = db.prepare<[string], Location>(
    'SELECT id, name FROM locations WHERE id IN (SELECT value FROM json_each(?)) ORDER BY name, id',
  );
  const insertLocation = db.prepare<[string]>('INSERT INTO locations (name) VALUES (?)');

  function get(): Workspace | null {
    const row = selectWorkspace.get();
    return row ? { name: row.name, settings: toSettings(row) } : null;
  }

  function requireRow(): WorkspaceRow {
    const row = selectWorkspace.get();
    if (!row) throw new Error('The workspace does not exist yet.');
    return row;
  }

  const update = db.transaction((settings: WorkspaceSettings, baseVersion: number, now: number): SettingsUpdate => {
    const current = toState(requireRow());
    if (current.version !== baseVersion) return { kind: 'conflict', current };
    if (sameSettings(current.settings, settings)) return { kind: 'unchanged', current };
    updateSettings.run({ ...settingsColumns(settings), now });
    return { kind: 'updated', before: current, after: toState(requireRow()) };
  });

  const updateTimeZone = db.prepare<[string, number]>('UPDATE locations SET time_zone = ? WHERE id = ?');
  const selectTimeZone = db.prepare<[number], { time_zone: string | null }>('SELECT time_zone FROM locations WHERE id = ?');
  return {
    /** Null until the workspace is created (demo seed or owner bootstrap). */
    get,
    /** The settings that gate messaging; a missing workspace means everything is off. */
    settings(): WorkspaceSettings {
      return get()?.settings ?? { enabled: false, contactButton: false, readReceipts: false, typingIndicator: false };
    },
    /** The settings with their version, for editing. */
    settingsState(): SettingsState {
      return toState(requireRow());
    },
    create(name: string, country = ''): void {
      insertWorkspace.run({ name, country });
    },
    /** Saves settings edited from `baseVersion`; refuses (conflict) if they moved on since. */
    updateSettings(settings: WorkspaceSettings, baseVersion: number, now: number): SettingsUpdate {
      return update(settings, baseVersion, now);
    },
    /** Overwrites the settings whatever their version (seeding and tests). */
    saveSettings(settings: WorkspaceSettings, now = 0): void {
      updateSettings.run({ ...settingsColumns(settings), now });
    },
    locations(): Location[] {
      return selectLocations.all();
    },
    locationsByIds(ids: readonly number[]): Location[] {
      return selectLocationsByIds.all(JSON.stringify(ids));
    },
    /** The location's IANA time zone, if it has one of its own. */
    timeZoneOf(locationId: number): string | null {
      return selectTimeZone.get(locationId)?.time_zone ?? null;
    },
    setLocationTimeZone(locationId: number, timeZone: string): void {
      updateTimeZone.run(timeZone, locationId);
    },
    createLocation(name: string): number {
      return Number(insertLocation.run(name).lastInsertRowid);
    },
  };
}
