// Search snippets: the window around the first match and the marked words.
import { describe, expect, it } from 'vitest';
import { highlightParts, matchRanges, searchSnippet, type SnippetPart } from './searchSnippet';

const shown = (parts: SnippetPart[]) => parts.map((part) => (part.match ? `[${part.text}]` : part.text)).join('');

describe('matchRanges', () => {
  it('matches whole words, the last typed word also as a prefix, ignoring case and accents', () => {
    const text = 'Could I book a Toner and a café latte? Tone it down.';
    expect(matchRanges(text, 'toner').map(([start, end]) => text.slice(start, end))).toEqual(['Toner']);
    expect(matchRanges(text, 'cafe ton').map(([start, end]) => text.slice(start, end))).toEqual(['Toner', 'café', 'Tone']);
    expect(matchRanges(text, 'to book')).toEqual([[8, 12]]);
    expect(matchRanges(text, '?!')).toEqual([]);
  });
});

describe('searchSnippet', () => {
  it('marks the matches of a short message, all of it shown', () => {
    expect(shown(searchSnippet('Is the toner in stock?', 'toner'))).toBe('Is the [toner] in stock?');
  });

  it('starts shortly before a match far into a long message, at a word', () => {
    const text = `${'Thanks so much for fitting me in last week, everyone loved the colour and '.repeat(3)}could you do a toner refresh?`;
    const snippet = shown(searchSnippet(text, 'toner'));
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet).toContain('[toner] refresh?');
    expect(snippet.indexOf('[toner]')).toBeLessThan(40);
    // The window opens on a whole word: the text before it ends with a space.
    expect(snippet).toMatch(/^…[a-z]+ /);
    expect(text).toContain(` ${snippet.slice(1, snippet.indexOf(' '))} `);
  });

  it('cuts a long tail with an ellipsis and keeps line breaks as spaces', () => {
    const snippet = shown(searchSnippet(`Toner\nplease. ${'More words here. '.repeat(20)}`, 'toner'));
    expect(snippet.startsWith('[Toner] please.')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
  });

  it('shows the start of the text when nothing matches (a match in another form)', () => {
    expect(shown(searchSnippet('Hello there', 'zzz'))).toBe('Hello there');
  });
});

describe('highlightParts', () => {
  it('marks the matched words of a whole text, such as a client\'s name', () => {
    expect(highlightParts('Grace Kim', 'gra')).toEqual([
      { text: 'Grace', match: true },
      { text: ' Kim', match: false },
    ]);
  });
});
