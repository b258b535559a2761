// The text side of the quick reply picker: where a "/" word starts at the caret (what the
// member is searching for), which replies match it, and the text once a reply replaces it.
import type { FilledQuickReply } from '../../shared/quickReplyEvents';
import { placeholderToken, unfilledPlaceholdersIn } from '../../shared/quickReplyTemplate';

/** The "/word" the caret is in: from its slash to the end of the word, and what follows the slash
 * up to the caret (the search). */
export type SlashWord = { start: number; end: number; query: string };

const SPACE = /\s/;

/** The "/" word under the caret, if the word the caret is in starts with a slash. */
export function slashWordAt(text: string, caret: number): SlashWord | null {
  let start = caret;
  while (start > 0 && !SPACE.test(text[start - 1]!)) start -= 1;
  // A caret just before the slash is not in its word yet.
  if (start === caret || text[start] !== '/') return null;
  let end = caret;
  while (end < text.length && !SPACE.test(text[end]!)) end += 1;
  return { start, end, query: text.slice(start + 1, caret) };
}

/** Replies whose title or text holds every word of the search, in the library's order. */
export function matchingReplies(replies: readonly FilledQuickReply[], query: string): FilledQuickReply[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return replies.filter((reply) => {
    const haystack = `${reply.title}\n${reply.text}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** The text with the "/" word replaced by the reply, and what to select afterwards: the first
 * placeholder left to fill (so typing replaces it), else the caret after the reply. */
export function withReply(text: string, word: SlashWord, reply: FilledQuickReply): { text: string; selection: [number, number] } {
  const next = `${text.slice(0, word.start)}${reply.text}${text.slice(word.end)}`;
  const [firstMissing] = reply.missing;
  if (firstMissing !== undefined) {
    const at = next.indexOf(placeholderToken(firstMissing), word.start);
    if (at >= 0) return { text: next, selection: [at, at + placeholderToken(firstMissing).length] };
  }
  const after = word.start + reply.text.length;
  return { text: next, selection: [after, after] };
}

/** What opening the picker from elsewhere types: a "/" at the caret, as a word of its own. */
export function withSlashAt(text: string, caret: number): { text: string; caret: number } {
  const before = caret > 0 && !SPACE.test(text[caret - 1]!) ? ' /' : '/';
  return { text: `${text.slice(0, caret)}${before}${text.slice(caret)}`, caret: caret + before.length };
}

/** Why the text cannot be sent yet: placeholders a quick reply left for the member to fill. */
export function unfilledProblem(text: string): { names: string[] } | null {
  const names = unfilledPlaceholdersIn(text).map(placeholderToken);
  return names.length === 0 ? null : { names };
}
