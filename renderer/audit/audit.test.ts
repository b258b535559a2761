import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/auditEvents';
import { auditLogReducer, emptyAuditLog } from './auditPages';
import { auditNamesFrom, summariseChanges } from './auditSummary';

const names = auditNamesFrom(
  [
    { id: 3, name: 'Stylists' },
    { id: 4, name: 'Front desk' },
  ],
  [
    { id: 1, name: 'Soho' },
    { id: 2, name: 'Shoreditch' },
  ],
);

describe('summariseChanges', () => {
  it('lists each changed setting as before → after', () => {
    const before = { enabled: true, contactButton: true, readReceipts: true, typingIndicator: true };
    const after = { ...before, enabled: false, readReceipts: false };
    expect(summariseChanges(before, after)).toEqual([
      'Client Connect: Enabled → Disabled',
      'Allow read receipts: On → Off',
    ]);
  });

  it('says what a refused team change asked for and why it was refused', () => {
    const names = auditNamesFrom([{ id: 3, name: 'Managers' }], [{ id: 1, name: 'Soho' }, { id: 2, name: 'Shoreditch' }]);
    const reason = 'You cannot change your own permission group or locations. Ask a workspace owner.';
    expect(summariseChanges(null, { request: 'member:update', reason, asked: { groupId: 3, locationIds: [1, 2] } }, names)).toEqual([
      "Asked to: change a team member's group or locations",
      `Refused because: ${reason}`,
      'Permission group: Managers',
      'Locations: Soho, Shoreditch',
    ]);
  });

  it('reads nested group records and names a new group by what it grants', () => {
    const grants = { accessChats: true, replyChats: false, manageSettings: false, manageTeam: false };
    expect(summariseChanges(null, { name: 'Stylists', grants })).toEqual(['Name: Stylists', 'Access client chats: Granted']);
    expect(
      summariseChanges({ name: 'Stylists', grants }, { name: 'Senior stylists', grants: { ...grants, replyChats: true } }),
    ).toEqual(['Name: Stylists → Senior stylists', 'Reply to client chats: Not granted → Granted']);
  });

  it('names groups and locations of a member change, with fallbacks for unknown ids', () => {
    expect(summariseChanges({ groupId: 3, locationIds: [1] }, { groupId: 4, locationIds: [1, 2] }, names)).toEqual([
      'Permission group: Stylists → Front desk',
      'Locations: Soho → Soho, Shoreditch',
    ]);
    expect(summariseChanges({ groupId: 9, locationIds: [] }, { groupId: null, locationIds: [5] })).toEqual([
      'Permission group: group #9 → None',
      'Locations: None → location #5',
    ]);
  });

  it('reads groups and locations the server named', () => {
    const before = { group: { id: 3, name: 'Stylists' }, locations: [{ id: 1, name: 'Soho' }] };
    const after = { group: { id: 4, name: 'Front desk' }, locations: [{ id: 1, name: 'Soho' }, { id: 2, name: 'Shoreditch' }] };
    expect(summariseChanges(before, after)).toEqual([
      'Permission group: Stylists → Front desk',
      'Locations: Soho → Soho, Shoreditch',
    ]);
    expect(summariseChanges({ group: null, locations: [] }, before)).toEqual([
      'Permission group: None → Stylists',
      'Locations: None → Soho',
    ]);
  });

  it('makes unknown fields readable and says nothing when nothing comparable changed', () => {
    expect(summariseChanges(null, { endedSessions: 2 })).toEqual(['Ended sessions: 2']);
    expect(summariseChanges({ activeSessions: 2 }, { activeSessions: 0 })).toEqual(['Active sessions: 2 → 0']);
    expect(summariseChanges('x', 'y')).toEqual([]);
    expect(summariseChanges({ a: 1 }, { a: 1 })).toEqual([]);
  });
});

describe('auditLogReducer', () => {
  const entry = (id: number): AuditEntry => ({
    id,
    at: id * 1000,
    actor: { id: 1, name: 'Olivia Bennett' },
    action: 'settings.update',
    subject: 'Client Connect settings',
    before: {},
    after: {},
  });

  it('keeps entries newest first and once each, across reconnects and older pages', () => {
    let log = auditLogReducer(emptyAuditLog, { type: 'newest-page', items: [entry(9), entry(8)], hasMore: true });
    log = auditLogReducer(log, { type: 'older-page', items: [entry(7), entry(6)], hasMore: false });
    log = auditLogReducer(log, { type: 'newest-page', items: [entry(10), entry(9)], hasMore: true });
    expect(log.entries.map((e) => e.id)).toEqual([10, 9, 8, 7, 6]);
    // The end of the list was reached through the older pages; a fresh newest page does not undo that.
    expect(log.hasMore).toBe(false);
    expect(log.loaded).toBe(true);
  });
});
