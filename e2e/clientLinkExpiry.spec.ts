// A client link stops working 90 days after the later of when it was issued and the client's
// newest appointment. The client page then says the link has expired and to ask the salon; a
// fresh link from the booking system opens the page again.
import Database from 'better-sqlite3';
import { clientTokenResponseSchema, routes } from '../shared/http';
import { expect, test } from './fixtures';

const DAY_MS = 86_400_000;
const at = (ref: string, template: string) => template.replace(':ref', ref);

test('an expired client link shows that it has expired and to ask the salon; a fresh one works', async ({ browser, server }) => {
  await server.integration('PUT', at('cl-200', routes.integrationClient), { name: 'Ruth Adeyemi' });
  const issue = async () => clientTokenResponseSchema.parse(await server.integration('POST', routes.integrationClientToken, { clientRef: 'cl-200' })).clientPageUrl;
  const expiredLink = await issue();

  // She has no appointment, so her link lasts 90 days from when it was sent: make it 91 days
  // old, as time passing would (the server runs on the real clock).
  const db = new Database(server.databaseFile);
  db.pragma('busy_timeout = 5000');
  db.prepare('UPDATE client_tokens SET created_at = created_at - ? WHERE client_id = (SELECT id FROM clients WHERE external_ref = ?)').run(91 * DAY_MS, 'cl-200');
  db.close();

  const page = await (await browser.newContext()).newPage();
  await page.goto(expiredLink);
  await expect(page.getByText(/This link has expired/)).toBeVisible();
  await expect(page.getByText(/ask the salon for a new one/)).toBeVisible();
  await expect(page.getByText('Hi, Ruth Adeyemi')).toHaveCount(0);

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(await issue());
  await expect(fresh.getByText('Hi, Ruth Adeyemi')).toBeVisible();
});
