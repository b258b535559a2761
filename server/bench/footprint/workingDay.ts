// A reception's working day, compressed: clients write in over real client socket connections
// (thousands of messages across hundreds of conversations) while the staff page, signed in,
// gets the pushes and notifications, opens the conversation with the latest activity and
// replies, again and again until the clients are done.
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import type { Socket } from 'socket.io-client';
import { CLIENT_NAMESPACE } from '../../../shared/clientEvents';
import { seededRandom } from '../../../shared/testing/seededRandom';
import { closeAll, connect, connectMany } from '../load';
import type { DayClient } from './workspaces';
import { replyToLatest } from './renderer';

export type DayPlan = { messages: number; messagesPerSecond: number; seed: number };

export type DayOutcome = { clientMessages: number; failed: number; conversations: number; replies: number; opens: number };

const CLIENT_LINES = ['Hi, can I move my appointment to Friday?', 'Running ten minutes late, sorry!', 'Is there parking near the salon?', 'Could I add a fringe trim?', 'Thanks, see you soon'];

export async function workingDay(page: Page, serverUrl: string, clients: readonly DayClient[], plan: DayPlan): Promise<DayOutcome> {
  const next = seededRandom(plan.seed);
  const sockets: Socket[] = await connectMany(clients.length, (index) => connect(`${serverUrl}${CLIENT_NAMESPACE}`, { token: clients[index]!.token }));
  const written = new Set<number>();
  let failed = 0;
  let sending = true;
  let replies = 0;

  // The front desk: reply to whoever wrote last, until the clients stop.
  const staff = (async () => {
    while (sending) {
      await replyToLatest(page, `Of course — reply ${replies + 1}.`);
      replies += 1;
      await page.waitForTimeout(250);
    }
  })();

  const acks: Promise<void>[] = [];
  const intervalMs = 1000 / plan.messagesPerSecond;
  const started = Date.now();
  try {
    for (let sent = 0; sent < plan.messages; sent += 1) {
      const index = Math.floor(next() * sockets.length);
      written.add(index);
      const payload = { appointmentId: clients[index]!.appointmentId, senderMessageId: randomUUID(), text: CLIENT_LINES[sent % CLIENT_LINES.length]! };
      acks.push(
        sockets[index]!.timeout(60_000)
          .emitWithAck('message:send', payload)
          .then(
            (result: { ok: boolean }) => void (result.ok || (failed += 1)),
            () => void (failed += 1),
          ),
      );
      // An open loop at a steady rate: a client does not wait for the desk.
      const due = started + (sent + 1) * intervalMs;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    }
    await Promise.all(acks);
  } finally {
    sending = false;
    await staff;
    closeAll(sockets);
  }
  return { clientMessages: plan.messages, failed, conversations: written.size, replies, opens: replies };
}
