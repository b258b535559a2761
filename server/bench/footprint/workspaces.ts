// The two workspaces the footprint is measured on, each prepared in its own data directory
// before the server starts: the demo salon (seeded as `--demo` seeds it) and the bench's
// 1M-message workspace (its cached seed). Each gets clients with links for the working day.
import { join } from 'node:path';
import { hashToken, newToken } from '../../auth/tokens';
import { migrate } from '../../db/migrate';
import { closeDatabase, openDatabase } from '../../db/open';
import { DEMO_MEMBERS, DEMO_PASSWORD } from '../../demo/demoData';
import { seedDemo } from '../../demo/seed';
import { createRepositories } from '../../repositories';
import { BENCH_OWNER_EMAIL, BENCH_PASSWORD, benchDatabase, type SeedSize } from '../seed';

/** A client who can write in: their appointment and the token of their link. */
export type DayClient = { appointmentId: number; token: string };

export type PreparedWorkspace = { email: string; password: string; clients: DayClient[]; seedSeconds: number | null };

const DAY = 24 * 3_600_000;

function saveTokens(file: string, appointmentAndClientIds: readonly { appointmentId: number; clientId: number }[], now: number): DayClient[] {
  const db = openDatabase(file);
  try {
    const repos = createRepositories(db);
    return repos.transaction(() =>
      appointmentAndClientIds.map(({ appointmentId, clientId }) => {
        const token = newToken();
        repos.clients.saveToken(clientId, hashToken(token), now);
        return { appointmentId, token };
      }),
    );
  } finally {
    closeDatabase(db);
  }
}

/** The demo salon, plus `dayClients` clients booked at its locations (the demo's own few
 * clients cannot make hundreds of conversations). Signs in as the demo's owner. */
export function prepareDemo(dataDir: string, dayClients: number, now: number): PreparedWorkspace {
  const file = join(dataDir, 'inbox.sqlite3');
  const db = openDatabase(file);
  const ids: { appointmentId: number; clientId: number }[] = [];
  try {
    migrate(db);
    seedDemo(createRepositories(db), now);
    const locations = (db.prepare('SELECT id FROM locations ORDER BY id').all() as { id: number }[]).map((row) => row.id);
    const insertClient = db.prepare('INSERT INTO clients (name, mobile, email, created_at) VALUES (?, ?, ?, ?)');
    const insertAppointment = db.prepare(
      "INSERT INTO appointments (client_id, location_id, service, staff_member_id, starts_at, status) VALUES (?, ?, 'Cut & blow-dry', NULL, ?, 'confirmed')",
    );
    db.transaction(() => {
      for (let index = 0; index < dayClients; index += 1) {
        const clientId = Number(insertClient.run(`Day Client ${index + 1}`, `+4477008${String(index).padStart(5, '0')}`, `day${index + 1}@example.com`, now).lastInsertRowid);
        const appointmentId = Number(insertAppointment.run(clientId, locations[index % locations.length]!, now + DAY).lastInsertRowid);
        ids.push({ appointmentId, clientId });
      }
    })();
  } finally {
    closeDatabase(db);
  }
  return { email: DEMO_MEMBERS.owner.email, password: DEMO_PASSWORD, clients: saveTokens(file, ids, now), seedSeconds: null };
}

/** The bench's seeded workspace (a fresh copy of the cached file), signing in as its owner;
 * the day's clients are the first short conversations (client i has appointment i). */
export function prepareSeeded(dataDir: string, size: SeedSize, dayClients: number, now: number): PreparedWorkspace {
  const file = join(dataDir, 'inbox.sqlite3');
  const { seedSeconds } = benchDatabase(size, file, now);
  const ids = Array.from({ length: dayClients }, (_, index) => size.longConversations + 1 + index).map((id) => ({ appointmentId: id, clientId: id }));
  return { email: BENCH_OWNER_EMAIL, password: BENCH_PASSWORD, clients: saveTokens(file, ids, now), seedSeconds };
}
