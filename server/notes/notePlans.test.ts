// Query plans of the notes' queries in every planner state the server meets: a conversation's
// notes and the catch-up walk their indexes, and nothing reads a whole table of notes.
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPlannerDatabase, PLANNER_STATES } from '../testing/plannerStatistics';
import { formatPlan, planProblems, queryPlan } from '../testing/queryPlan';
import { CONVERSATION_NOTES_SQL, MENTIONABLE_SQL, NOTES_AFTER_FOR_LOCATIONS_SQL } from './notes.repository';

const QUERIES = [
  {
    name: 'a conversation\'s newest notes',
    sql: CONVERSATION_NOTES_SQL,
    params: { conversationId: 1, limit: 200 },
    walk: 'SEARCH n USING INDEX conversation_notes_by_conversation (conversation_id=?)',
  },
  {
    name: 'notes after a catch-up position',
    sql: NOTES_AFTER_FOR_LOCATIONS_SQL,
    params: { after: 10, locationIds: '[1]', limit: 200 },
    walk: 'SEARCH n USING INTEGER PRIMARY KEY (rowid>?)',
  },
];

for (const state of PLANNER_STATES) {
  describe(`notes' plans, ${state.name}`, () => {
    let db: Database;
    beforeAll(() => {
      db = openPlannerDatabase(state);
    });
    afterAll(() => db.close());

    for (const query of QUERIES) {
      it(`${query.name}: walks its index, looks mentions up by note, never sorts`, () => {
        const plan = formatPlan(queryPlan(db, query.sql, query.params));
        expect(plan[0], plan.join('\n')).toBe(query.walk);
        expect(plan.filter((line) => line.includes('note_mentions')).every((line) => /SEARCH nm USING PRIMARY KEY \(note_id=\?\)/.test(line)), plan.join('\n')).toBe(true);
        expect(planProblems(queryPlan(db, query.sql, query.params))).toEqual([]);
      });
    }

    it('the colleagues to mention: the team\'s own small tables, each member\'s locations by key', () => {
      const lines = formatPlan(queryPlan(db, MENTIONABLE_SQL, { locationId: 1, exceptMemberId: 1 }));
      // The whole active team is the answer, so reading team_members (and the few permission
      // groups) whole is the plan; nothing about conversations, messages or notes is read.
      const scanned = lines.flatMap((line) => /^\s*SCAN (\S+)/.exec(line)?.[1] ?? []);
      expect(scanned.every((table) => table === 'm' || table === 'g'), lines.join('\n')).toBe(true);
      expect(lines.filter((line) => line.includes(' ml ')).every((line) => /SEARCH ml USING (COVERING INDEX \S+|PRIMARY KEY) \(member_id=\? AND location_id=\?\)/.test(line)), lines.join('\n')).toBe(true);
    });
  });
}
