// The booking system feeds the inbox (integration API): a new location, a client and their
// appointment. The client's open page follows the appointment live — confirmed, it offers
// messaging (R4) — and the client's first message reaches the salon's owner; revoking her links
// closes the page.
import { clientTokenResponseSchema, routes } from '../shared/http';
import { expect, test } from './fixtures';
import { conversationItems, messages, signIn } from './staff';

const at = (ref: string, template: string) => template.replace(':ref', ref);

test('a client and appointment from the booking system: the page follows it live and the first message reaches the salon', async ({ browser, server }) => {
  await server.integration('PUT', at('loc-camden', routes.integrationLocation), { name: 'Lumen Camden' });
  await server.integration('PUT', at('cl-100', routes.integrationClient), { name: 'Nia Okafor', mobile: '07400 900555' });
  const appointment = { clientRef: 'cl-100', locationRef: 'loc-camden', service: 'Balayage', startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), status: 'booked' };
  await server.integration('PUT', at('ap-1', routes.integrationAppointment), appointment);
  const link = clientTokenResponseSchema.parse(await server.integration('POST', routes.integrationClientToken, { clientRef: 'cl-100' }));

  const client = await (await browser.newContext()).newPage();
  await client.goto(link.clientPageUrl);
  await expect(client.getByText('Hi, Nia Okafor')).toBeVisible();
  await expect(client.getByTestId('appointment')).toContainText('Balayage');
  const message = client.getByRole('button', { name: 'Message Lumen Camden' });
  await expect(message).toHaveCount(0);

  // The salon confirms it in the booking system: the open page offers messaging, unreloaded.
  await server.integration('PUT', at('ap-1', routes.integrationAppointment), { ...appointment, status: 'confirmed' });
  await message.click();
  await client.getByRole('textbox', { name: 'Message' }).fill('Is there parking nearby?');
  await client.getByRole('button', { name: 'Send' }).click();
  await expect(messages(client).last()).toHaveAttribute('data-status', 'sent');

  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, server.url, 'olivia@lumen.example');
  await expect(conversationItems(owner).first()).toContainText('Nia Okafor');
  await expect(conversationItems(owner).first()).toContainText('Is there parking nearby?');

  // Her phone is lost: the booking system revokes her links, and the open page stops at once.
  await server.integration('POST', routes.integrationRevokeClientTokens, { clientRef: 'cl-100' });
  await expect(client.getByRole('heading', { name: "We can't open your messages" })).toBeVisible();
});
