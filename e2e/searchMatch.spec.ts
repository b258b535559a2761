// Search takes you to the match: a message result opens its conversation at that message (even
// one far older than the latest page), marks it, shows only that result as open, and the
// result's snippet shows the matched word marked.
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { routes, signInResponseSchema } from '../shared/http';
import { expect, expectAccessible, test } from './fixtures';
import { DEMO_PASSWORD, messages, signIn } from './staff';

/** Sends staff replies into Ava's conversation as Marcus, over the app's own socket protocol. */
async function sendAsMarcus(serverUrl: string, texts: string[]): Promise<void> {
  const response = await fetch(new URL(routes.signIn, serverUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'marcus@lumen.example', password: DEMO_PASSWORD }),
  });
  const { token } = signInResponseSchema.parse(await response.json());
  const socket = io(serverUrl, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  try {
    const list = (await socket.timeout(10_000).emitWithAck('conversation:list', {})) as { ok: true; data: { items: { id: number; client: { name: string } }[] } };
    const ava = list.data.items.find((item) => item.client.name === 'Ava Thompson')!;
    for (const text of texts) {
      const sent = (await socket.timeout(10_000).emitWithAck('message:send', { conversationId: ava.id, senderMessageId: randomUUID(), text })) as { ok: boolean };
      expect(sent.ok).toBe(true);
    }
  } finally {
    socket.close();
  }
}

test('a search result opens the conversation at the matched message, highlighted, with the word marked', async ({ page, server }) => {
  const longBefore = 'Thanks for asking about aftercare, here is everything in one place so nothing gets lost: for the';
  await sendAsMarcus(server.url, [
    `${longBefore} first week use the violet toner twice and keep the water cool.`,
    ...Array.from({ length: 24 }, (_, index) => `Later note ${index + 1}`),
    'One more toner question: do you stock it?',
  ]);
  await signIn(page, server.url, 'priya@lumen.example');
  await page.getByRole('searchbox', { name: 'Search messages and clients' }).fill('toner');
  const results = page.getByRole('list', { name: 'Matching messages' }).getByTestId('search-result');
  await expect(results).toHaveCount(2);
  // Newest first; the older one's snippet starts near the match, which is marked.
  const older = results.nth(1);
  await expect(older.locator('mark')).toHaveText('toner');
  await expect(older).not.toContainText('Thanks for asking');
  await expectAccessible(page, 'search results');

  await older.click();
  await expect(older).toHaveAttribute('aria-current', 'true');
  await expect(results.nth(0)).not.toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('region', { name: 'Ava Thompson' })).toBeVisible();
  const match = messages(page).filter({ hasText: 'violet toner' });
  await expect(match).toHaveAttribute('data-highlighted', 'true');
  await expect(match).toBeInViewport();
  // It was opened around the match: the newest messages are not loaded yet.
  await expect(messages(page).filter({ hasText: 'One more toner question' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Load newer messages' })).toBeVisible();
  await expectAccessible(page, 'conversation opened at a search match');

  // Scrolling down brings the newer messages in, up to the newest.
  await page.getByRole('region', { name: 'Message history' }).evaluate((history) => history.scrollTo({ top: history.scrollHeight }));
  await expect(messages(page).filter({ hasText: 'One more toner question' })).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Load newer messages' })).toHaveCount(0);

  // The newer result opens at its own message.
  await results.nth(0).click();
  await expect(results.nth(0)).toHaveAttribute('aria-current', 'true');
  await expect(older).not.toHaveAttribute('aria-current', 'true');
  await expect(messages(page).filter({ hasText: 'One more toner question' })).toHaveAttribute('data-highlighted', 'true');
});
