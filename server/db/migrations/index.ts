// The ordered list of schema migrations. Version N is migrations[N - 1]; append only.
import { initialSchema } from './001_initial';
import { settingsTeamAuditAttachments } from './002_settings_team_audit_attachments';
import { readPositions } from './006_read_positions';

export type Migration = { version: number; name: string; sql: string };

export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initialSchema },
  { version: 2, name: 'settings, team, audit log, attachments', sql: settingsTeamAuditAttachments },
  // Issue 5's migration 006: it is version 3 on this branch until 003–005 land before it.
  { version: 3, name: 'read positions for catch-up', sql: readPositions },
];
