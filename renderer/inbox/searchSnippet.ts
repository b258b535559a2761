// What a search result shows of a matching message: the part of its text around the first
// match, with every matched word marked. The server matches (search/ftsQuery.ts) each typed
// word as a whole word, the last one also as a prefix, ignoring case and accents; this finds
// the same words in the text, so the marks are what made it match. The preview is one line
// cut by an ellipsis, so the window starts shortly before the first match.
export type SnippetPart = { text: string; match: boolean };

const WORD = /[\p{L}\p{N}]+/gu;
const MAX_TERMS = 8;
/** Characters of context kept before the first match. */
export const CONTEXT_BEFORE = 24;
/** Characters kept in all: the preview shows one or two lines of them. */
export const SNIPPET_LENGTH = 160;

const fold = (word: string) => word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

type Terms = { whole: Set<string>; prefix: string };

function termsOf(query: string): Terms | null {
  const words = (query.normalize('NFKC').match(WORD) ?? []).slice(0, MAX_TERMS).map(fold);
  const prefix = words.at(-1);
  return prefix === undefined ? null : { whole: new Set(words), prefix };
}

const matches = (word: string, terms: Terms) => {
  const folded = fold(word);
  return terms.whole.has(folded) || folded.startsWith(terms.prefix);
};

/** The matched words' [start, end) ranges in the text. */
export function matchRanges(text: string, query: string): [number, number][] {
  const terms = termsOf(query);
  if (!terms) return [];
  return [...text.matchAll(WORD)].filter((word) => matches(word[0], terms)).map((word) => [word.index, word.index + word[0].length]);
}

/** The text split into plain and matched parts; whitespace runs (line breaks) become spaces. */
export function highlightParts(text: string, query: string, from = 0, to = text.length): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let at = from;
  const push = (end: number, match: boolean) => {
    if (end > at) parts.push({ text: text.slice(at, end).replace(/\s+/g, ' '), match });
    at = end;
  };
  for (const [start, end] of matchRanges(text, query)) {
    if (end <= from || start >= to) continue;
    push(Math.max(start, from), false);
    push(Math.min(end, to), true);
  }
  push(to, false);
  return parts;
}

/** The snippet of a matching message: a window of its text from just before the first match,
 * with "…" where text was left out. */
export function searchSnippet(text: string, query: string): SnippetPart[] {
  const first = matchRanges(text, query)[0];
  let from = 0;
  if (first && first[0] > CONTEXT_BEFORE) {
    // Start at a word, never inside one.
    const wordStarts = [...text.matchAll(WORD)].map((word) => word.index);
    from = wordStarts.find((start) => start >= first[0] - CONTEXT_BEFORE) ?? first[0];
  }
  const to = Math.min(text.length, Math.max(from + SNIPPET_LENGTH, first?.[1] ?? 0));
  const parts = highlightParts(text, query, from, to);
  if (from > 0) parts.unshift({ text: '…', match: false });
  if (to < text.length) parts.push({ text: '…', match: false });
  return parts;
}
