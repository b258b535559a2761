// The ordered list of schema migrations. Version N is migrations[N - 1]; append only.
import { initialSchema } from './001_initial';
import { settingsTeamAuditAttachments } from './002_settings_team_audit_attachments';
import { searchAndInboxIndexes } from './005_search_and_inbox_indexes';

export type Migration = { version: number; name: string; sql: string };

export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initialSchema },
  { version: 2, name: 'settings, team, audit log, attachments', sql: settingsTeamAuditAttachments },
  // Versions 3 and 4 belong to branches merged separately: these empty placeholders only keep
  // the numbering contiguous on this branch and are replaced by the real migrations at merge.
  { version: 3, name: 'reserved for another branch', sql: '' },
  { version: 4, name: 'reserved for another branch', sql: '' },
  { version: 5, name: 'full-text search, unread-only inbox indexes', sql: searchAndInboxIndexes },
];
