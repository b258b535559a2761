import { describe, expect, it } from 'vitest';
import { openDatabase } from './open';
import { opaqueParameters } from './stablePlans';

describe('opaqueParameters', () => {
  it('writes every kind of parameter as an expression', () => {
    expect(opaqueParameters('SELECT * FROM t WHERE a = ? AND b = ?2 AND c = :c AND d = @d AND e = $e LIMIT :limit'))
      .toBe('SELECT * FROM t WHERE a = +? AND b = +?2 AND c = +:c AND d = +@d AND e = +$e LIMIT +:limit');
    expect(opaqueParameters('INSERT INTO t (a, b) VALUES (?,?)')).toBe('INSERT INTO t (a, b) VALUES (+?,+?)');
    expect(opaqueParameters('SELECT value FROM json_each(:ids)')).toBe('SELECT value FROM json_each(+:ids)');
  });

  it('leaves strings, quoted identifiers and comments alone', () => {
    const sql = `SELECT 'c:' || a, 'it''s ?', "col:x", [x?], \`y:z\` FROM t -- why? :because\nWHERE /* ? :no */ a = :yes`;
    expect(opaqueParameters(sql)).toBe(`SELECT 'c:' || a, 'it''s ?', "col:x", [x?], \`y:z\` FROM t -- why? :because\nWHERE /* ? :no */ a = +:yes`);
  });

  it('leaves statements without parameters unchanged', () => {
    const sql = "SELECT count(*) FROM messages WHERE read_at IS NULL AND author_kind = 'client'";
    expect(opaqueParameters(sql)).toBe(sql);
  });
});

describe('openDatabase statements', () => {
  it('bind the same values as before: joins, LIMIT and named parameters give the same rows', () => {
    const db = openDatabase(':memory:');
    try {
      db.exec(`CREATE TABLE l (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
        CREATE TABLE a (id INTEGER PRIMARY KEY, l INTEGER NOT NULL, note TEXT);
        INSERT INTO l VALUES (1, 'Soho'), (2, 'Shoreditch');
        INSERT INTO a VALUES (1, 1, 'x'), (2, 2, NULL), (3, 1, 'it''s');`);
      const select = db.prepare<{ location: number; limit: number }, { id: number; name: string }>(
        'SELECT a.id, l.name FROM a JOIN l ON l.id = a.l WHERE a.l = :location ORDER BY a.id LIMIT :limit',
      );
      expect(select.all({ location: 1, limit: 10 })).toEqual([{ id: 1, name: 'Soho' }, { id: 3, name: 'Soho' }]);
      expect(select.all({ location: 1, limit: 1 })).toEqual([{ id: 1, name: 'Soho' }]);
      expect(select.all({ location: 2, limit: 10 })).toEqual([{ id: 2, name: 'Shoreditch' }]);
      db.prepare('INSERT INTO a (id, l, note) VALUES (?, ?, ?)').run(4, 2, null);
      expect(db.prepare('SELECT note FROM a WHERE id = ?').get(4)).toEqual({ note: null });
      expect(db.prepare('SELECT id FROM a WHERE note = ?').get("it's")).toEqual({ id: 3 });
    } finally {
      db.close();
    }
  });
});
