// The ordered list of schema migrations. Version N is migrations[N - 1]; append only.
import { initialSchema } from './001_initial';
import { settingsTeamAuditAttachments } from './002_settings_team_audit_attachments';
import { notificationsOutbox } from './003_notifications_outbox';
import { receptionPins } from './004_reception_pins';
import { searchAndInboxIndexes } from './005_search_and_inbox_indexes';
import { readPositions } from './006_read_positions';
import { sendPathIndexes } from './007_send_path_indexes';
import { conversationAppointmentIndex } from './008_conversation_appointment_index';
import { searchIndexFile } from './009_search_index_file';
import { bookingSystemRefs } from './010_booking_system_refs';
import { pinClearances } from './011_pin_clearances';
import { attachmentStorage } from './012_attachment_storage';
import { unusedInboxIndexes } from './013_unused_inbox_indexes';
import { triage } from './014_triage';
import { memberDeactivation } from './015_member_deactivation';
import { clientDirectorySearch } from './016_client_directory_search';
import { triageCounters } from './017_triage_counters';
import { quickReplies } from './018_quick_replies';
import { senderMessageId } from './019_sender_message_id';
import { notes } from './020_notes';
import { afterHours } from './021_after_hours';

export type Migration = { version: number; name: string; sql: string };

export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initialSchema },
  { version: 2, name: 'settings, team, audit log, attachments', sql: settingsTeamAuditAttachments },
  { version: 3, name: 'notification preferences, client contact preferences, delivery outbox', sql: notificationsOutbox },
  { version: 4, name: 'reception PINs and devices', sql: receptionPins },
  { version: 5, name: 'full-text search, unread-only inbox indexes', sql: searchAndInboxIndexes },
  { version: 6, name: 'read positions for catch-up', sql: readPositions },
  { version: 7, name: 'no appointment index on messages', sql: sendPathIndexes },
  { version: 8, name: 'no appointment index on conversations', sql: conversationAppointmentIndex },
  { version: 9, name: 'message search index in its own file', sql: searchIndexFile },
  { version: 10, name: 'booking system ids', sql: bookingSystemRefs },
  { version: 11, name: 'why a PIN was cleared', sql: pinClearances },
  { version: 12, name: 'attachment storage total, uploads by sender and age', sql: attachmentStorage },
  { version: 13, name: 'no inbox indexes across locations', sql: unusedInboxIndexes },
  { version: 14, name: 'status, snooze, assignment, events, each member\'s unread', sql: triage },
  { version: 15, name: 'deactivated team members', sql: memberDeactivation },
  { version: 16, name: 'finding clients by name, email or mobile', sql: clientDirectorySearch },
  { version: 17, name: 'inbox counts kept as counters', sql: triageCounters },
  { version: 18, name: 'quick replies', sql: quickReplies },
  { version: 19, name: 'sender message id', sql: senderMessageId },
  { version: 20, name: 'internal notes with mentions, client notes', sql: notes },
  { version: 21, name: 'opening hours and after-hours replies', sql: afterHours },
];
