// The hot queries must walk their indexes, never scan a table or sort in a temp B-tree.
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENTS_OF_MESSAGES_SQL } from '../attachments/attachments.repository';
import { AUDIT_PAGE_SQL } from '../audit/audit.repository';
import { APPOINTMENT_BY_REF_SQL, CLIENT_BY_REF_SQL, LOCATION_BY_REF_SQL } from '../bookingSystem/bookingSync.repository';
import { CONVERSATIONS_OF_CLIENTS_SQL, FIND_CLIENTS_SQL } from '../clientProfile/clientDirectory.repository';
import {
  LOCATION_PAGE_POSITIONS_SQL,
  LOCATION_PAGE_SQL,
  LOCATION_UNREAD_PAGE_POSITIONS_SQL,
  LOCATION_UNREAD_PAGE_SQL,
  SUMMARIES_BY_ID_SQL,
} from '../conversations/inboxPages.repository';
import { MESSAGE_PAGE_AFTER_SQL, MESSAGE_PAGE_SQL } from '../messages/messages.repository';
import { CONVERSATION_DELIVERIES_SQL, DUE_DELIVERY_SQL } from '../notifications/outbox.repository';
import { CLIENT_SEARCH_SQL, MESSAGE_SEARCH_SQL } from '../search/search.repository';
import { INDEX_STEP_SQL, openSearchConnection } from '../search/searchIndex';
import { migrate } from './migrate';
import { openDatabase } from './open';

let db: Database;
beforeAll(() => {
  db = openDatabase(':memory:');
  migrate(db);
  openSearchConnection(db);
});
afterAll(() => db.close());

function plan(sql: string, params: Record<string, unknown> | unknown[]): string {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[];
  return rows.map((row) => row.detail).join('\n');
}

const page = { beforeAt: 1, beforeId: 1, limit: 30, memberId: 1 };

describe('query plans', () => {
  it('pages one location\'s conversations through conversations_by_location_activity', () => {
    const detail = plan(LOCATION_PAGE_SQL, { ...page, locationId: 1 });
    expect(detail).toMatch(/SEARCH c USING INDEX conversations_by_location_activity/);
    expect(detail).not.toMatch(/TEMP B-TREE|SCAN c\b/);
  });

  it('pages several locations\' conversations by walking each one\'s conversations_by_location_activity, then reading the page by id', () => {
    const positions = plan(LOCATION_PAGE_POSITIONS_SQL, { ...page, locationId: 1 });
    expect(positions).toBe('SEARCH c USING COVERING INDEX conversations_by_location_activity (location_id=? AND last_activity_at<?)');
    const summaries = plan(SUMMARIES_BY_ID_SQL, { ids: '[3,1,2]', memberId: 1 });
    expect(summaries).toMatch(/SEARCH c USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(summaries).not.toMatch(/TEMP B-TREE|SCAN c\b/);
  });

  it('pages one location\'s conversations the member has not read through their own member_reads_unread', () => {
    const detail = plan(LOCATION_UNREAD_PAGE_SQL, { ...page, locationId: 1 });
    expect(detail).toMatch(/SEARCH r USING INDEX member_reads_unread \(member_id=\? AND location_id=\? AND \(last_activity_at,conversation_id\)<\(\?,\?\)\)/);
    expect(detail).not.toMatch(/TEMP B-TREE|SCAN (c|r)\b/);
  });

  it('pages several locations\' unread conversations by walking each one\'s part of member_reads_unread', () => {
    const detail = plan(LOCATION_UNREAD_PAGE_POSITIONS_SQL, { ...page, locationId: 1 });
    expect(detail.split('\n')[0]).toBe('SEARCH r USING INDEX member_reads_unread (member_id=? AND location_id=? AND (last_activity_at,conversation_id)<(?,?))');
  });

  it('searches message text newest first along the FTS index, then by primary keys', () => {
    const detail = plan(MESSAGE_SEARCH_SQL, { query: '"toner"*', beforeId: 10, locationIds: '[1,2]', limit: 21 });
    // The FTS walk drives (first line), and sorting is left to it: no temp B-tree.
    expect(detail.split('\n')[0]).toMatch(/^SCAN f VIRTUAL TABLE INDEX \d+:M/);
    expect(detail).toMatch(/SEARCH m USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(detail).toMatch(/SEARCH c USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(detail).not.toMatch(/TEMP B-TREE|SCAN (m|c|cl|l)\b/);
  });

  it('searches client names along the FTS index, then each client\'s conversations by index', () => {
    const detail = plan(CLIENT_SEARCH_SQL, { query: '"ava"*', locationIds: '[1]', limit: 10 });
    expect(detail.split('\n')[0]).toMatch(/^SCAN f VIRTUAL TABLE INDEX \d+:M/);
    expect(detail).toMatch(/SEARCH c USING INDEX sqlite_autoindex_conversations_1 \(client_id=\?\)/);
    expect(detail).not.toMatch(/TEMP B-TREE|SCAN (m|c|cl|l)\b/);
  });

  it('finds any client by name, email or mobile newest first along the directory\'s FTS index, then by primary key', () => {
    const detail = plan(FIND_CLIENTS_SQL, { query: '{name email} : ("grace"*) OR {mobile} : ("447400"*)', limit: 10 });
    expect(detail.split('\n')[0]).toMatch(/^SCAN f VIRTUAL TABLE INDEX \d+:M/);
    expect(detail).toMatch(/SEARCH cl USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(detail).not.toMatch(/TEMP B-TREE|SCAN cl\b/);
  });

  it('reads the found clients\' conversations at the member\'s locations along the (client, location) key', () => {
    const detail = plan(CONVERSATIONS_OF_CLIENTS_SQL, { clientIds: '[1,2]', locationIds: '[1]' });
    expect(detail).toMatch(/SEARCH c USING (COVERING )?INDEX sqlite_autoindex_conversations_1 \(client_id=\? AND location_id=\?\)/);
    expect(detail).not.toMatch(/TEMP B-TREE|SCAN (c|l)\b/);
  });

  it('finds messages the search index has not seen along the primary key', () => {
    const detail = plan(INDEX_STEP_SQL.index, { after: 10, upTo: 210 });
    expect(detail).toMatch(/SEARCH (main\.)?messages USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it('pages messages through messages_by_conversation', () => {
    const detail = plan(MESSAGE_PAGE_SQL, { conversationId: 1, beforeId: 10, limit: 50 });
    expect(detail).toMatch(/SEARCH m USING INDEX messages_by_conversation \(conversation_id=\? AND id<\?\)/);
    expect(detail).not.toMatch(/TEMP B-TREE|SCAN m\b/);
  });

  it('pages newer messages (after a search match) through messages_by_conversation', () => {
    const detail = plan(MESSAGE_PAGE_AFTER_SQL, { conversationId: 1, afterId: 10, limit: 50 });
    expect(detail).toMatch(/SEARCH m USING INDEX messages_by_conversation \(conversation_id=\? AND id>\?\)/);
    expect(detail).not.toMatch(/TEMP B-TREE|SCAN m\b/);
  });

  it('loads a page\'s attachments through attachments_by_message', () => {
    const detail = plan(ATTACHMENTS_OF_MESSAGES_SQL, ['[1,2,3]']);
    expect(detail).toMatch(/SEARCH attachments USING INDEX attachments_by_message \(message_id=\?\)/);
    expect(detail).not.toMatch(/SCAN attachments\b|TEMP B-TREE/);
  });

  it('pages the audit log backwards along its primary key', () => {
    const detail = plan(AUDIT_PAGE_SQL, { beforeId: 10, limit: 50 });
    expect(detail).toMatch(/SEARCH audit_log USING INTEGER PRIMARY KEY \(rowid<\?\)/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it('finds the next due delivery through deliveries_due', () => {
    const detail = plan(DUE_DELIVERY_SQL, [1]);
    expect(detail).toMatch(/SEARCH deliveries USING INDEX deliveries_due \(next_attempt_at<\?\)/);
    expect(detail).not.toMatch(/TEMP B-TREE|SCAN deliveries\b/);
  });

  it('lists a conversation\'s deliveries through its messages and the (message, channel) key', () => {
    const detail = plan(CONVERSATION_DELIVERIES_SQL, [1, 200]);
    expect(detail).toMatch(/SEARCH m USING (COVERING )?INDEX messages_by_conversation \(conversation_id=\?\)/);
    expect(detail).toMatch(/SEARCH d USING INDEX sqlite_autoindex_deliveries_\d \(message_id=\?\)/);
    expect(detail).not.toMatch(/SCAN d\b|SCAN m\b/);
  });

  it.each([
    ['locations', LOCATION_BY_REF_SQL],
    ['clients', CLIENT_BY_REF_SQL],
    ['appointments', APPOINTMENT_BY_REF_SQL],
  ])('finds a synced %s row by the booking system\'s ref along its unique index', (table, sql) => {
    expect(plan(sql, ['ref-1'])).toMatch(new RegExp(`^SEARCH ${table} USING INDEX ${table}_by_external_ref \\(external_ref=\\?\\)$`));
  });
});
