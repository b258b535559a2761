// Every repository over one database: the only code that knows SQL. Handlers receive this
// bundle, so a different store (e.g. Postgres) can later replace it behind the same shapes.
import type { Database } from 'better-sqlite3';
import { createAfterHoursRepository } from './afterHours/afterHours.repository';
import { createAttachmentRepository } from './attachments/attachments.repository';
import { createAuditRepository } from './audit/audit.repository';
import { createSessionRepository } from './auth/sessions.repository';
import { createAppointmentRepository } from './bookingSystem/appointments.repository';
import { createBookingSyncRepository } from './bookingSystem/bookingSync.repository';
import { createClientDirectoryRepository } from './clientProfile/clientDirectory.repository';
import { createClientProfileRepository } from './clientProfile/clientProfile.repository';
import { createClientRepository } from './clientPage/clients.repository';
import { createConversationRepository } from './conversations/conversations.repository';
import { createMessageRepository } from './messages/messages.repository';
import { createClientNotesRepository } from './notes/clientNotes.repository';
import { createNotesRepository } from './notes/notes.repository';
import { createOutboxRepository } from './notifications/outbox.repository';
import { createProfileRepository } from './profile/profile.repository';
import { createQuickReplyRepository } from './quickReplies/quickReplies.repository';
import { createReceptionRepository } from './reception/reception.repository';
import { createSyncRepository } from './sync/sync.repository';
import { createGroupRepository } from './team/groups.repository';
import { createTeamRepository } from './team/team.repository';
import { createTriageRepository } from './triage/triage.repository';
import { createWorkspaceRepository } from './workspace/workspace.repository';

export type Repositories = ReturnType<typeof createRepositories>;

export function createRepositories(db: Database) {
  const savepoint = createSavepoint(db);
  return {
    workspace: createWorkspaceRepository(db),
    team: createTeamRepository(db),
    groups: createGroupRepository(db),
    sessions: createSessionRepository(db),
    audit: createAuditRepository(db),
    clients: createClientRepository(db),
    clientDirectory: createClientDirectoryRepository(db),
    appointments: createAppointmentRepository(db),
    bookingSync: createBookingSyncRepository(db),
    conversations: createConversationRepository(db),
    messages: createMessageRepository(db),
    attachments: createAttachmentRepository(db),
    profile: createProfileRepository(db),
    clientProfiles: createClientProfileRepository(db),
    outbox: createOutboxRepository(db),
    reception: createReceptionRepository(db),
    sync: createSyncRepository(db),
    triage: createTriageRepository(db),
    quickReplies: createQuickReplyRepository(db),
    notes: createNotesRepository(db),
    clientNotes: createClientNotesRepository(db),
    afterHours: createAfterHoursRepository(db),
    /** Runs several repository calls as one atomic unit (e.g. a change and its audit entry). */
    transaction<T>(work: () => T): T {
      return db.inTransaction ? savepoint(work) : db.transaction(work).immediate();
    },
  };
}

/** A savepoint from statements prepared once: what `db.transaction(work)` does when nested,
 * without building a new transaction function for every call (each group-committed send runs
 * in one). A throw rolls back the work's changes alone and is passed on. */
function createSavepoint(db: Database) {
  const begin = db.prepare('SAVEPOINT work');
  const release = db.prepare('RELEASE work');
  const rollback = db.prepare('ROLLBACK TO work');
  return <T>(work: () => T): T => {
    begin.run();
    let value: T;
    try {
      value = work();
    } catch (error) {
      // A failed statement may already have ended the transaction (e.g. SQLITE_FULL).
      if (db.inTransaction) {
        rollback.run();
        release.run();
      }
      throw error;
    }
    release.run();
    return value;
  };
}
