// The ordered list of schema migrations. Version N is migrations[N - 1]; append only.
import { initialSchema } from './001_initial';
import { settingsTeamAuditAttachments } from './002_settings_team_audit_attachments';

export type Migration = { version: number; name: string; sql: string };

export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initialSchema },
  { version: 2, name: 'settings, team, audit log, attachments', sql: settingsTeamAuditAttachments },
];
