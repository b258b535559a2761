// Keeps every prepared statement's query plan independent of the values bound to it, so a
// statement is compiled once, not on every run.
//
// Why: SQLite lets its planner peek at a bound value in several places (a LIMIT, the terms of
// a join, partial-index matching, LIKE, STAT4 estimates) and marks such a statement to be
// re-prepared whenever that parameter is bound again. better-sqlite3 clears the bindings after
// every run, so those statements — every join and every LIMIT — were compiled afresh on each
// execution: measured on the bench file, the conversation summary went from ~98 µs to ~10 µs
// and inbox pages from ~280 µs to ~140 µs once their parameters were opaque. SQLite's own
// switch for this (SQLITE_DBCONFIG_ENABLE_QPSG, the query planner stability guarantee) is not
// reachable through better-sqlite3, so each parameter is written as an expression (`+?`,
// `+:name`): the planner treats it as an unknown value and still uses it for index lookups.
import type { Database } from 'better-sqlite3';

const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_]/;

/** Where the text at `index` stops being a quoted string, identifier or comment (or `index`
 * itself when none starts there). */
function skipOpaqueText(sql: string, index: number): number {
  const char = sql[index];
  const closing = char === "'" || char === '"' || char === '`' ? char : char === '[' ? ']' : null;
  if (closing) {
    let end = index + 1;
    // A doubled quote inside a string or identifier is an escaped quote, not its end.
    while (end < sql.length && !(sql[end] === closing && sql[end + 1] !== closing)) end += sql[end] === closing ? 2 : 1;
    return end + 1;
  }
  if (sql.startsWith('--', index)) {
    const end = sql.indexOf('\n', index);
    return end === -1 ? sql.length : end + 1;
  }
  if (sql.startsWith('/*', index)) {
    const end = sql.indexOf('*/', index + 2);
    return end === -1 ? sql.length : end + 2;
  }
  return index;
}

/** Where the parameter starting at `index` ends (`?`, `?3`, `:name`, `@name`, `$name`), or
 * `index` when no parameter starts there. */
function parameterEnd(sql: string, index: number): number {
  const char = sql[index];
  let end = index + 1;
  if (char === '?') {
    while (end < sql.length && /[0-9]/.test(sql[end]!)) end += 1;
    return end;
  }
  if ((char === ':' || char === '@' || char === '$') && NAME_START.test(sql[end] ?? '')) {
    while (end < sql.length && NAME_PART.test(sql[end]!)) end += 1;
    return end;
  }
  return index;
}

/** The same statement with every parameter written as `+parameter`, which binds the same value
 * and keeps the plan from depending on it. Strings, quoted identifiers and comments are left
 * as they are. */
export function opaqueParameters(sql: string): string {
  let out = '';
  let index = 0;
  while (index < sql.length) {
    const afterText = skipOpaqueText(sql, index);
    if (afterText > index) {
      out += sql.slice(index, afterText);
      index = afterText;
      continue;
    }
    const afterParameter = parameterEnd(sql, index);
    if (afterParameter > index) {
      out += `+${sql.slice(index, afterParameter)}`;
      index = afterParameter;
      continue;
    }
    out += sql[index];
    index += 1;
  }
  return out;
}

/** Makes `db.prepare` write parameters opaquely (see the top of this file). Statements better-
 * sqlite3 prepares for itself (BEGIN, COMMIT, savepoints, pragmas) have no parameters. */
export function keepPlansStable(db: Database): void {
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => prepare(opaqueParameters(sql))) as Database['prepare'];
}
