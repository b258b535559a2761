// Run as a child process by tests: opens the search indexer and the WAL checkpointer on a fresh
// database, leaves nothing else running, stops both and then closes the database, printing
// each step. A worker that let the process exit while being stopped would leave the database
// unclosed, and the last line missing.
import { join } from 'node:path';
import { startCheckpointer } from '../db/checkpointer';
import { migrate } from '../db/migrate';
import { closeDatabase, openDatabase } from '../db/open';
import { createMemoryLogger } from '../log';
import { openSearch } from '../search/search';

const dir = process.argv[2]!;
const db = openDatabase(join(dir, 'inbox.sqlite3'));
migrate(db);
const log = createMemoryLogger();
const search = openSearch(db, log);
const checkpointer = startCheckpointer(db, log);
await search.close();
process.stdout.write('search closed\n');
await checkpointer.stop();
process.stdout.write('checkpointer stopped\n');
closeDatabase(db);
process.stdout.write('database closed\n');
