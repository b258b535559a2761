// Turns what a member typed into a safe FTS5 query. FTS5 has its own syntax (quotes, AND/OR/NOT,
// NEAR, column filters, `*`, `^`); raw input would be an error or a different question. Only the
// words are kept, each quoted as a literal, and the last one may be a prefix (search as you type).
const MAX_TERMS = 8;

/** null when the input has no searchable word (e.g. only punctuation). */
export function toFtsQuery(input: string): string | null {
  const words = input.normalize('NFKC').match(/[\p{L}\p{N}]+/gu)?.slice(0, MAX_TERMS) ?? [];
  if (words.length === 0) return null;
  return words.map((word, index) => `"${word}"${index === words.length - 1 ? '*' : ''}`).join(' ');
}
