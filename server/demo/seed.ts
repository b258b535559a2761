// Seeds the demo salon into an empty database through the repositories, all in one
// transaction. Returns the ids it created so tests and the start-up hint can refer to them.
import { randomUUID } from 'node:crypto';
import { hashPasswordSync } from '../auth/password';
import { senderKey, type Sender } from '../messages/messages.repository';
import type { Repositories } from '../repositories';
import { colourInspirationPng } from './demoImage';
import {
  DEMO_CLIENTS,
  DEMO_CONVERSATIONS,
  DEMO_GROUPS,
  DEMO_LOCATIONS,
  DEMO_MEMBERS,
  DEMO_PASSWORD,
  DEMO_WORKSPACE,
  longThread,
  type DemoClientKey,
  type DemoConversation,
  type DemoGroupKey,
  type DemoLocationKey,
  type DemoMemberKey,
} from './demoData';
import { salonSlot } from './salonHours';

export type DemoIds = {
  locations: Record<DemoLocationKey, number>;
  groups: Record<DemoGroupKey, number>;
  members: Record<DemoMemberKey, number>;
  clients: Record<DemoClientKey, number>;
  /** Each client's appointment ids, in the order of DEMO_CLIENTS. */
  appointments: Record<DemoClientKey, number[]>;
  /** Conversation ids by client (each demo client has at most one conversation). */
  conversations: Partial<Record<DemoClientKey, number>>;
};

const READ_DELAY_MS = 60_000;

function mapValues<K extends string, V, R>(record: Record<K, V>, map: (value: V, key: K) => R): Record<K, R> {
  const entries = Object.entries(record) as [K, V][];
  return Object.fromEntries(entries.map(([key, value]) => [key, map(value, key)])) as Record<K, R>;
}

let sharedHash: string | null = null;

/** One hash of the shared (published) demo password per process keeps seeding fast — tests
 * seed many workspaces; real members each get their own hash. */
export function demoPasswordHash(): string {
  sharedHash ??= hashPasswordSync(DEMO_PASSWORD);
  return sharedHash;
}

export function seedDemo(repos: Repositories, now: number): DemoIds {
  const passwordHash = demoPasswordHash();
  return repos.transaction(() => {
    repos.workspace.create(DEMO_WORKSPACE.name, DEMO_WORKSPACE.country);
    const locations = mapValues(DEMO_LOCATIONS, (name) => repos.workspace.createLocation(name));
    // Both salons are in London: snooze times and opening hours are read on London's clock.
    for (const id of Object.values(locations)) repos.workspace.setLocationTimeZone(id, 'Europe/London');
    const groups = mapValues(DEMO_GROUPS, (group) => {
      const created = repos.groups.create({ name: group.name, grants: group.grants });
      if (!created) throw new Error(`Demo group ${group.name} already exists.`);
      return created.id;
    });
    const members = mapValues(DEMO_MEMBERS, (member) =>
      repos.team.createMember(
        {
          name: member.name,
          email: member.email,
          passwordHash,
          role: member.role,
          groupId: member.group === null ? null : groups[member.group],
        },
        now,
        member.locations.map((location) => locations[location]),
      ),
    );
    const clients = mapValues(DEMO_CLIENTS, (client) =>
      repos.clients.create({ name: client.name, mobile: client.mobile, email: client.email }, now),
    );
    const appointments = mapValues(DEMO_CLIENTS, (client, key) =>
      client.appointments.map((appointment) =>
        repos.appointments.create({
          clientId: clients[key],
          locationId: locations[appointment.location],
          service: appointment.service,
          staffMemberId: appointment.stylist === null ? null : members[appointment.stylist],
          startsAt: salonSlot(now, appointment.inMs),
          status: appointment.status,
        }),
      ),
    );

    const ids = { locations, groups, members, clients, appointments, conversations: {} } as DemoIds;
    for (const conversation of [...DEMO_CONVERSATIONS, longThread()]) {
      ids.conversations[conversation.client] = seedConversation(repos, ids, conversation, now);
    }
    return ids;
  });
}

function seedConversation(repos: Repositories, ids: DemoIds, script: DemoConversation, now: number): number {
  const clientId = ids.clients[script.client];
  const appointmentId = ids.appointments[script.client][script.appointment] ?? null;
  const conversationId = repos.conversations.findOrCreate(clientId, ids.locations[script.location], now - (script.lines[0]?.agoMs ?? 0));
  const stored = script.lines.map((line) => {
    const sender: Sender = line.from === 'client' ? { kind: 'client', clientId } : { kind: 'staff', memberId: ids.members[line.from] };
    const createdAt = now - line.agoMs;
    const { message } = repos.messages.append({
      conversationId,
      sender,
      senderMessageId: randomUUID(),
      appointmentId: line.from === 'client' ? appointmentId : null,
      text: line.text,
      createdAt,
    });
    repos.triage.messageStored(conversationId, ids.locations[script.location], createdAt, line.from === 'client');
    if (line.attachment !== undefined) {
      const key = senderKey(sender);
      const upload = repos.attachments.create({ senderKey: key, name: line.attachment, contentType: 'image/png', bytes: colourInspirationPng(), createdAt });
      repos.attachments.attach(message.id, key, [upload.id]);
    }
    return { line, message };
  });

  // The business has read everything but the trailing unread lines; the client has read every
  // reply that came before their own latest message.
  const readByBusiness = stored[stored.length - 1 - script.unreadClientLines];
  if (readByBusiness) {
    const readAt = Math.min(now, readByBusiness.message.createdAt + READ_DELAY_MS);
    repos.conversations.markReadByBusiness(conversationId, readByBusiness.message.id, readAt);
  }
  // Every member who sees the conversation has read as far as the business.
  repos.triage.setEveryonesUnread(conversationId, script.unreadClientLines);
  const lastFromClient = stored.findLast((entry) => entry.line.from === 'client');
  if (lastFromClient) {
    repos.conversations.markReadByClient(conversationId, lastFromClient.message.id, lastFromClient.message.createdAt);
  }
  return conversationId;
}
