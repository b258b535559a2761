// A statement's query plan as SQLite reports it (EXPLAIN QUERY PLAN), and the rules every hot
// query's plan must keep whatever statistics the planner has (plannerStatistics.ts).
import type { Database } from 'better-sqlite3';

export type PlanLine = { id: number; parent: number; depth: number; detail: string };

/** The plan of `sql` compiled as the server compiles it (through the connection's prepare, so
 * with opaque parameters; see db/stablePlans.ts). */
export function queryPlan(db: Database, sql: string, params: Record<string, unknown> | unknown[]): PlanLine[] {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { id: number; parent: number; detail: string }[];
  const depthOf = new Map<number, number>([[0, -1]]);
  return rows.map((row) => {
    const depth = (depthOf.get(row.parent) ?? -1) + 1;
    depthOf.set(row.id, depth);
    return { id: row.id, parent: row.parent, depth, detail: row.detail };
  });
}

/** The plan as indented lines, two spaces per level: what a test compares and prints. */
export const formatPlan = (plan: readonly PlanLine[]): string[] => plan.map((line) => `${'  '.repeat(line.depth)}${line.detail}`);

const SORT = /^USE TEMP B-TREE FOR /;
const FULL_SCAN = /^SCAN (\S+)$/;
const INDEX_LOOP = /^(SCAN|SEARCH) \S+ USING (COVERING )?INDEX /;
const VIRTUAL_LOOP = /^(SCAN|SEARCH) \S+ VIRTUAL TABLE /;
const AUTOMATIC_INDEX = /AUTOMATIC (PARTIAL )?(COVERING )?INDEX|BLOOM FILTER ON/;

export type PlanRules = {
  /** Why a sort in this plan is bounded, when it is by construction (e.g. "at most `limit` rows of
   * each location"): it may then sort rows of a small input (a json_each list, a subquery
   * with a LIMIT), never the rows of an index range or a table scan. */
  boundedSort?: string;
};

/** What is wrong with a plan for a hot query, in words; empty when nothing is:
 * - a full scan of a table (a subquery's own result excepted);
 * - an automatic index or a Bloom filter on a table (SQLite builds either by reading the
 *   whole table on every run; a Bloom filter of a subquery's small result is fine);
 * - a sort (temp B-tree) of rows read from an index range or a table scan: the whole range is
 *   read and sorted to keep a page of it, e.g. every conversation of each location;
 * - any other sort, unless the query says why it is bounded. */
export function planProblems(plan: readonly PlanLine[], rules: PlanRules = {}): string[] {
  const problems: string[] = [];
  const subqueryNames = new Set(plan.flatMap((line) => /^(?:CO-ROUTINE|MATERIALIZE) (\S+)$/.exec(line.detail)?.[1] ?? []));
  for (const line of plan) {
    const scanned = FULL_SCAN.exec(line.detail)?.[1];
    if (scanned !== undefined && !subqueryNames.has(scanned) && !scanned.startsWith('(subquery')) {
      problems.push(`reads the whole table ${scanned}: "${line.detail}"`);
    }
    if (AUTOMATIC_INDEX.test(line.detail)) problems.push(`reads a whole table on every run to build an automatic index or Bloom filter: "${line.detail}"`);
    if (!SORT.test(line.detail)) continue;
    const siblings = plan.filter((other) => other.parent === line.parent && other !== line);
    const ranges = siblings.filter((other) => (INDEX_LOOP.test(other.detail) && !/\(rowid=\?\)$/.test(other.detail)) || FULL_SCAN.test(other.detail));
    for (const range of ranges) problems.push(`sorts every row of "${range.detail}" to keep a page of them: "${line.detail}"`);
    const inputs = siblings.filter((other) => VIRTUAL_LOOP.test(other.detail));
    if (ranges.length === 0 && !rules.boundedSort) {
      problems.push(`sorts (${line.detail}) without saying why the rows sorted are few${inputs.length ? ` (${inputs.map((input) => input.detail).join(', ')})` : ''}`);
    }
  }
  return problems;
}
