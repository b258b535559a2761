// Internal notes as the conversation shows them, and the @mentions in a note being written.
// Pure, so notes arriving by fetch, push, catch-up, cache or the outbox converge the same way.
import type { InternalNote, Mentionable } from '../../shared/noteEvents';
import type { MemberRef } from '../../shared/domain';
import type { TimelineNote } from '../chat/timeline';

/** Union by id, oldest first. */
export function mergeNotes(current: readonly InternalNote[], incoming: readonly InternalNote[]): InternalNote[] {
  const byId = new Map<number, InternalNote>();
  for (const note of current) byId.set(note.id, note);
  for (const note of incoming) byId.set(note.id, note);
  return [...byId.values()].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
}

/** A note of this member's still in the outbox (written offline, or on its way). */
export type WaitingNote = { senderNoteId: string; text: string; createdAt: number; failed: boolean };

/** Stored notes and this member's waiting ones as timeline rows; a waiting note already stored
 * (its push beat the outbox's answer) shows once. */
export function noteRows(stored: readonly InternalNote[], waiting: readonly WaitingNote[], memberName: string): TimelineNote[] {
  const settled = new Set(stored.map((note) => note.senderNoteId));
  const rows: TimelineNote[] = stored.map((note) => ({
    key: `note${note.id}`,
    id: note.id,
    createdAt: note.createdAt,
    text: note.text,
    internal: { author: note.author.name, state: 'stored' },
  }));
  for (const note of waiting) {
    if (settled.has(note.senderNoteId)) continue;
    rows.push({
      key: `waiting-note-${note.senderNoteId}`,
      id: Number.MAX_SAFE_INTEGER,
      createdAt: note.createdAt,
      text: note.text,
      internal: { author: memberName, state: note.failed ? 'failed' : 'waiting' },
    });
  }
  return rows;
}

const firstName = (name: string) => name.split(/\s+/)[0] ?? name;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** "@Name" not followed by more of a name (so "@Lee" is not found in "@Leela"). */
const mentioned = (text: string, name: string) => new RegExp(`(^|[^\\w@])@${escape(name)}(?![\\w])`, 'iu').test(text);

/** Whom a note mentions: "@Full Name", or "@First" where no other colleague shares it. */
export function mentionIdsIn(text: string, members: readonly MemberRef[]): number[] {
  const firstNames = new Map<string, number>();
  for (const member of members) firstNames.set(firstName(member.name).toLowerCase(), (firstNames.get(firstName(member.name).toLowerCase()) ?? 0) + 1);
  return members
    .filter((member) => mentioned(text, member.name) || (firstNames.get(firstName(member.name).toLowerCase()) === 1 && mentioned(text, firstName(member.name))))
    .map((member) => member.id);
}

/** The "@wor" being typed just before the caret, if any: what the picker filters by. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([\p{L}\p{N}'-]*)$/u.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]! };
}

/** Colleagues matching what was typed after "@", those who can see the conversation first. */
export function mentionChoices(members: readonly Mentionable[], query: string, max = 8): Mentionable[] {
  const wanted = query.toLowerCase();
  return members
    .filter((member) => member.name.toLowerCase().split(/\s+/).some((part) => part.startsWith(wanted)) || member.name.toLowerCase().startsWith(wanted))
    .sort((a, b) => Number(b.canSee) - Number(a.canSee))
    .slice(0, max);
}

/** The text with the chosen colleague's "@Name " in place of the "@wor" being typed. */
export function insertMention(text: string, at: { start: number; query: string }, name: string): { text: string; caret: number } {
  const before = text.slice(0, at.start);
  const after = text.slice(at.start + 1 + at.query.length);
  const inserted = `@${name} `;
  return { text: `${before}${inserted}${after.replace(/^ /, '')}`, caret: before.length + inserted.length };
}

/** What the writer is told of colleagues their note could not notify. */
export function notNotifiedText(members: readonly MemberRef[]): string | null {
  if (members.length === 0) return null;
  const names = members.map((member) => member.name);
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
  return `${list} can't see this conversation, so ${names.length === 1 ? 'was' : 'were'} not notified.`;
}
