// The single workspace row (name, Client Connect settings) and its locations.
import type { Database } from 'better-sqlite3';
import type { Location, WorkspaceSettings } from '../../shared/domain';

export type Workspace = { name: string; settings: WorkspaceSettings };

type WorkspaceRow = {
  name: string;
  enabled: number;
  contact_button: number;
  read_receipts: number;
  typing_indicator: number;
};

export type WorkspaceRepository = ReturnType<typeof createWorkspaceRepository>;

export function createWorkspaceRepository(db: Database) {
  const selectWorkspace = db.prepare<[], WorkspaceRow>(
    'SELECT name, enabled, contact_button, read_receipts, typing_indicator FROM workspace WHERE id = 1',
  );
  const insertWorkspace = db.prepare<{ name: string; country: string }>(
    'INSERT INTO workspace (id, name, country) VALUES (1, :name, :country)',
  );
  const updateSettings = db.prepare<{ enabled: number; contactButton: number; readReceipts: number; typingIndicator: number }>(
    `UPDATE workspace SET enabled = :enabled, contact_button = :contactButton,
       read_receipts = :readReceipts, typing_indicator = :typingIndicator WHERE id = 1`,
  );
  const selectLocations = db.prepare<[], Location>('SELECT id, name FROM locations ORDER BY name, id');
  const selectLocationsByIds = db.prepare<[string], Location>(
    'SELECT id, name FROM locations WHERE id IN (SELECT value FROM json_each(?)) ORDER BY name, id',
  );
  const insertLocation = db.prepare<[string]>('INSERT INTO locations (name) VALUES (?)');

  function get(): Workspace | null {
    const row = selectWorkspace.get();
    if (!row) return null;
    return {
      name: row.name,
      settings: {
        enabled: row.enabled === 1,
        contactButton: row.contact_button === 1,
        readReceipts: row.read_receipts === 1,
        typingIndicator: row.typing_indicator === 1,
      },
    };
  }

  return {
    /** Null until the workspace is created (demo seed or owner bootstrap). */
    get,
    /** The settings that gate messaging; a missing workspace means everything is off. */
    settings(): WorkspaceSettings {
      return get()?.settings ?? { enabled: false, contactButton: false, readReceipts: false, typingIndicator: false };
    },
    create(name: string, country = ''): void {
      insertWorkspace.run({ name, country });
    },
    saveSettings(settings: WorkspaceSettings): void {
      updateSettings.run({
        enabled: Number(settings.enabled),
        contactButton: Number(settings.contactButton),
        readReceipts: Number(settings.readReceipts),
        typingIndicator: Number(settings.typingIndicator),
      });
    },
    locations(): Location[] {
      return selectLocations.all();
    },
    locationsByIds(ids: readonly number[]): Location[] {
      return selectLocationsByIds.all(JSON.stringify(ids));
    },
    createLocation(name: string): number {
      return Number(insertLocation.run(name).lastInsertRowid);
    },
  };
}
