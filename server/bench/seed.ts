// Seeds the bench workspace: many clients, one conversation and one appointment each, and a
// skewed message history (a few very long conversations, the rest short), in time order so
// ids grow with time as they do in production. Bulk rows go through prepared statements in
// large transactions with journaling off — this is a throwaway file, not the server's
// database — and the result is cached per seed version, schema and size, so re-runs skip seeding.
import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { hashPasswordSync } from '../auth/password';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import { createRepositories } from '../repositories';
import { attachSearchIndex, createIndexSteps, SEARCH_INDEX_VERSION, searchIndexFileOf } from '../search/searchIndex';
import { msSince } from './stats';
import { seededRandom } from '../../shared/testing/seededRandom';

/** Bump when the seeded data changes shape, so cached files are rebuilt. */
export const SEED_VERSION = 5;
export const BENCH_PASSWORD = 'bench-password-1';
export const BENCH_OWNER_EMAIL = 'owner@bench.example';
export const benchDeskEmail = (locationIndex: number) => `desk${locationIndex + 1}@bench.example`;

export type SeedSize = {
  name: 'full' | 'quick' | 'tiny' | 'e2e';
  conversations: number;
  messages: number;
  longConversations: number;
  longLength: number;
  locations: number;
};

export const SEED_SIZES: Record<SeedSize['name'], SeedSize> = {
  /** The Playwright scale check: 10k conversations at one location, one with 20k messages. */
  e2e: { name: 'e2e', conversations: 10_000, messages: 30_000, longConversations: 1, longLength: 20_000, locations: 1 },
  full: { name: 'full', conversations: 100_000, messages: 1_000_000, longConversations: 5, longLength: 20_000, locations: 4 },
  quick: { name: 'quick', conversations: 10_000, messages: 100_000, longConversations: 3, longLength: 5_000, locations: 4 },
  tiny: { name: 'tiny', conversations: 300, messages: 3_000, longConversations: 2, longLength: 500, locations: 2 },
};

/** In the seeded file, client i has conversation i and appointment i, at location ((i-1) % n) + 1. */
export const locationOfClient = (clientId: number, size: SeedSize) => ((clientId - 1) % size.locations) + 1;

const FIRST = ['Ava', 'Noah', 'Mia', 'Leo', 'Isla', 'Ethan', 'Grace', 'Oscar', 'Amelia', 'Jack', 'Olivia', 'Harry', 'Sophia', 'George', 'Emily', 'Arthur', 'Freya', 'Theo', 'Ivy', 'Finn', 'Zara', 'Omar', 'Priya', 'Yusuf'];
const LAST = ['Thompson', 'Williams', 'Patel', 'Garcia', 'Brown', 'Clarke', 'Kim', 'Davies', 'Wilson', 'Evans', 'Taylor', 'Khan', 'Murphy', 'Walker', 'Wright', 'Hughes', 'Green', 'Hall', 'Lewis', 'Young', 'Novak', 'Okafor', 'Silva', 'Rossi'];
const WORDS = (
  'hi hello thanks thank you can I could we book move change cancel appointment tomorrow today friday saturday monday ' +
  'morning afternoon evening late running minutes parking colour cut trim fringe balayage highlights toner blow dry ' +
  'keratin treatment beard fade consultation patch test allergy price deposit refund voucher gift card stylist ' +
  'available slot earlier later confirm confirmed see soon great perfect lovely sorry please need want bring photo ' +
  'inspiration shade lighter darker curly straight wash style products shampoo conditioner recommend address door ' +
  'salon soho shoreditch the a is at for with my your our to and or but it this that there here what when how'
).split(' ');
// Rare words make selective searches; one per ~5,000 messages.
const RARE = ['ombré', 'pompadour', 'undercut', 'micellar', 'olaplex', 'chignon', 'tapered', 'henna'];

function sentence(next: () => number): string {
  const length = 3 + Math.floor(next() * 12);
  const words: string[] = [];
  for (let index = 0; index < length; index += 1) words.push(WORDS[Math.floor(next() * WORDS.length)]!);
  if (next() < 0.0002 * RARE.length) words.push(RARE[Math.floor(next() * RARE.length)]!);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Conversation ids in the order their messages were sent: long ones first filled, all shuffled. */
function messageOrder(size: SeedSize, next: () => number): Int32Array {
  const order = new Int32Array(size.messages);
  let at = 0;
  for (let conversation = 1; conversation <= size.longConversations; conversation += 1) {
    for (let index = 0; index < size.longLength && at < order.length; index += 1) order[at++] = conversation;
  }
  const firstShort = size.longConversations + 1;
  const shortCount = size.conversations - size.longConversations;
  for (let conversation = firstShort; conversation <= size.conversations && at < order.length; conversation += 1) order[at++] = conversation;
  while (at < order.length) order[at++] = firstShort + Math.floor(next() * shortCount);
  for (let index = order.length - 1; index > 0; index -= 1) {
    const other = Math.floor(next() * (index + 1));
    const swap = order[index]!;
    order[index] = order[other]!;
    order[other] = swap;
  }
  return order;
}

export function seedBenchDatabase(file: string, size: SeedSize, now: number): void {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('foreign_keys = ON');
  migrate(db);
  const repos = createRepositories(db);
  const next = seededRandom(SEED_VERSION * 7919 + size.messages);
  const passwordHash = hashPasswordSync(BENCH_PASSWORD);
  const yearAgo = now - 365 * 24 * 3_600_000;

  // The small part goes through the repositories like any workspace.
  const locationIds: number[] = [];
  const deskIds: number[] = [];
  repos.transaction(() => {
    repos.workspace.create('Bench Salon Group', 'GB');
    for (let index = 0; index < size.locations; index += 1) locationIds.push(repos.workspace.createLocation(`Salon ${index + 1}`));
    const group = repos.groups.create({ name: 'Front desk', grants: { accessChats: true, replyChats: true, manageSettings: false, manageTeam: false } });
    if (!group) throw new Error('bench group not created');
    repos.team.createMember({ name: 'Bench Owner', email: BENCH_OWNER_EMAIL, passwordHash, role: 'owner', groupId: null }, yearAgo, locationIds);
    locationIds.forEach((locationId, index) => {
      deskIds.push(repos.team.createMember({ name: `Desk ${index + 1}`, email: benchDeskEmail(index), passwordHash, role: 'member', groupId: group.id }, yearAgo, [locationId]));
    });
  });

  // The bulk: explicit ids keep client i, appointment i and conversation i together.
  const insertClient = db.prepare('INSERT INTO clients (id, name, mobile, email, created_at) VALUES (?, ?, ?, ?, ?)');
  const insertAppointment = db.prepare(
    "INSERT INTO appointments (id, client_id, location_id, service, staff_member_id, starts_at, status) VALUES (?, ?, ?, 'Cut & blow-dry', NULL, ?, 'confirmed')",
  );
  const insertConversation = db.prepare('INSERT INTO conversations (id, client_id, location_id, created_at, last_activity_at) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let id = 1; id <= size.conversations; id += 1) {
      const name = `${FIRST[Math.floor(next() * FIRST.length)]} ${LAST[Math.floor(next() * LAST.length)]} ${id}`;
      const locationId = locationIds[locationOfClient(id, size) - 1]!;
      insertClient.run(id, name, `+4477009${String(id).padStart(5, '0')}`, `client${id}@example.com`, yearAgo);
      insertAppointment.run(id, id, locationId, now + 7 * 24 * 3_600_000);
      insertConversation.run(id, id, locationId, yearAgo, yearAgo);
    }
  })();

  const order = messageOrder(size, next);
  // A client message is unread when no staff reply follows it; only every fifth conversation
  // keeps its unread tail (the rest were read), as in a busy but tended inbox.
  const fromClient = new Uint8Array(order.length);
  for (let index = 0; index < order.length; index += 1) fromClient[index] = next() < 0.55 ? 1 : 0;
  const unread = new Uint8Array(order.length);
  const repliedAfter = new Uint8Array(size.conversations + 1);
  for (let index = order.length - 1; index >= 0; index -= 1) {
    const conversation = order[index]!;
    if (!fromClient[index]) repliedAfter[conversation] = 1;
    else if (!repliedAfter[conversation] && conversation % 5 === 0) unread[index] = 1;
  }

  const insertMessage = db.prepare(
    `INSERT INTO messages (conversation_id, author_kind, author_client_id, author_member_id, sender_message_id, appointment_id, text, created_at, read_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const lastMessage = new Int32Array(size.conversations + 1);
  const lastAt = new Float64Array(size.conversations + 1);
  const unreadCount = new Int32Array(size.conversations + 1);
  const step = (now - yearAgo) / order.length;
  const BATCH = 50_000;
  for (let start = 0; start < order.length; start += BATCH) {
    db.transaction(() => {
      for (let index = start; index < Math.min(order.length, start + BATCH); index += 1) {
        const conversation = order[index]!;
        const createdAt = Math.floor(yearAgo + index * step);
        const client = fromClient[index] === 1;
        const desk = deskIds[locationOfClient(conversation, size) - 1]!;
        const id = Number(
          insertMessage.run(
            conversation,
            client ? 'client' : 'staff',
            client ? conversation : null,
            client ? null : desk,
            randomUUID(),
            client ? conversation : null,
            sentence(next),
            createdAt,
            unread[index] ? null : createdAt + 60_000,
          ).lastInsertRowid,
        );
        lastMessage[conversation] = id;
        lastAt[conversation] = createdAt;
        unreadCount[conversation]! += unread[index]!;
      }
    })();
  }
  // Triage as a tended inbox has it: a conversation is Open while its client waits for a reply
  // (every seventh of those is assigned to its location's desk, every thirteenth snoozed), Done
  // once answered; the owner and the location's desk each have its unread tail unread.
  const touch = db.prepare(
    `UPDATE conversations SET last_message_id = ?, last_activity_at = ?, last_appointment_id = ?, unread_count = ?,
            status = ?, snoozed_until = ?, assignee_member_id = ? WHERE id = ?`,
  );
  const insertRead = db.prepare(
    'INSERT INTO member_reads (member_id, conversation_id, location_id, last_activity_at, unread_count) VALUES (?, ?, ?, ?, ?)',
  );
  // Each status and assignment left its staff-only event, made by the location's desk.
  const insertEvent = db.prepare(
    `INSERT INTO conversation_events (conversation_id, kind, cause, actor_member_id, assignee_member_id, snoozed_until, created_at)
     VALUES (?, ?, 'member', ?, ?, ?, ?)`,
  );
  const ownerId = db.prepare<[], { id: number }>("SELECT id FROM team_members WHERE role = 'owner'").get()!.id;
  const lastFromClient = new Uint8Array(size.conversations + 1);
  for (let index = 0; index < order.length; index += 1) lastFromClient[order[index]!] = fromClient[index]!;
  db.transaction(() => {
    for (let id = 1; id <= size.conversations; id += 1) {
      if (!lastMessage[id]) continue;
      const waiting = lastFromClient[id] === 1;
      const snoozed = waiting && id % 13 === 0;
      const desk = deskIds[locationOfClient(id, size) - 1]!;
      const status = !waiting ? 'done' : snoozed ? 'snoozed' : 'open';
      const assigned = waiting && id % 7 === 0;
      touch.run(lastMessage[id], lastAt[id], id, unreadCount[id], status, snoozed ? now + 86_400_000 : null, assigned ? desk : null, id);
      if (status !== 'open') insertEvent.run(id, status, desk, null, snoozed ? now + 86_400_000 : null, lastAt[id]! + 1);
      if (assigned) insertEvent.run(id, 'assigned', desk, desk, null, lastAt[id]! + 1);
      if (unreadCount[id]! > 0) {
        const locationId = locationIds[locationOfClient(id, size) - 1]!;
        insertRead.run(ownerId, id, locationId, lastAt[id], unreadCount[id]);
        insertRead.run(desk, id, locationId, lastAt[id], unreadCount[id]);
      }
    }
  })();
  // The message search index (its own file beside this one) in one pass, as the server's
  // indexer does in steps after writes.
  attachSearchIndex(db, searchIndexFileOf(file));
  const steps = createIndexSteps(db);
  while (steps.next(Number.MAX_SAFE_INTEGER).more);
  db.exec('DETACH DATABASE search');
  db.pragma('optimize');
  db.exec('VACUUM');
  db.pragma('journal_mode = WAL');
  db.close();
}

const cacheDir = () => join(tmpdir(), 'inbox-bench-cache');

/** The schema the seeded file (and its search index file) was built with: a file cached before
 * a migration was added (or by a branch with other migrations) lacks its tables and columns,
 * and an index of another layout would be rebuilt by the server, so neither may be reused. */
const schemaKey = () =>
  createHash('sha256')
    .update(JSON.stringify([...migrations.map((migration) => migration.sql), SEARCH_INDEX_VERSION]))
    .digest('hex')
    .slice(0, 12);

/** A fresh working copy of the seeded file for this size, seeding (and caching) it if needed.
 * Returns how long seeding took, or null when the cached file was used. */
export function benchDatabase(size: SeedSize, workFile: string, now: number): { seedSeconds: number | null } {
  mkdirSync(cacheDir(), { recursive: true });
  const cached = join(cacheDir(), `seed-v${SEED_VERSION}-${schemaKey()}-${size.name}.sqlite3`);
  let seedSeconds: number | null = null;
  if (!existsSync(cached)) {
    const partial = `${cached}.${process.pid}.partial`;
    rmSync(partial, { force: true });
    rmSync(searchIndexFileOf(partial), { force: true });
    const start = process.hrtime.bigint();
    seedBenchDatabase(partial, size, now);
    seedSeconds = msSince(start) / 1000;
    renameSync(searchIndexFileOf(partial), searchIndexFileOf(cached));
    renameSync(partial, cached);
  }
  copyFileSync(searchIndexFileOf(cached), searchIndexFileOf(workFile));
  copyFileSync(cached, workFile);
  return { seedSeconds };
}
