// Reads Apple's XML property lists (the format of macOS managed preferences and configuration
// profiles) without a native module or a dependency: the plist vocabulary is small and fixed.
// Binary plists are converted to XML first by `plutil` (see macManagedPreferences.ts).

export type PlistValue = string | number | boolean | Date | Uint8Array | PlistValue[] | { [key: string]: PlistValue };

export class PlistError extends Error {
  override readonly name = 'PlistError';
}

type Token =
  | { kind: 'open'; name: string }
  | { kind: 'close'; name: string }
  | { kind: 'empty'; name: string }
  | { kind: 'text'; text: string };

/** Comments, the XML declaration, the DOCTYPE, CDATA, tags and the text between them. */
const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([A-Za-z][\w.:-]*)(?:\s[^>]*?)?\s*(\/?)>|([^<]+)|</g;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    return ENTITIES[entity] ?? whole;
  });
}

function tokenize(xml: string): Token[] {
  const tokens: Token[] = [];
  for (const match of xml.matchAll(TOKEN)) {
    const [whole, cdata, slash, name, selfClosing, text] = match;
    if (cdata !== undefined) tokens.push({ kind: 'text', text: cdata });
    else if (name !== undefined) tokens.push({ kind: slash ? 'close' : selfClosing ? 'empty' : 'open', name });
    else if (text !== undefined) tokens.push({ kind: 'text', text: decodeEntities(text) });
    else if (whole === '<') throw new PlistError('it is not well-formed XML (a "<" that starts no tag)');
  }
  return tokens;
}

class Reader {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  /** The next tag, skipping the whitespace between tags. */
  private nextTag(): Token | undefined {
    for (;;) {
      const token = this.tokens[this.index++];
      if (token?.kind === 'text' && token.text.trim() === '') continue;
      return token;
    }
  }

  /** Text up to the closing tag of `name` (empty elements have none). */
  private textUntilClose(name: string): string {
    let text = '';
    for (;;) {
      const token = this.tokens[this.index++];
      if (token === undefined) throw new PlistError(`<${name}> is never closed`);
      if (token.kind === 'text') text += token.text;
      else if (token.kind === 'close' && token.name === name) return text;
      else throw new PlistError(`<${name}> may hold only text`);
    }
  }

  value(token = this.nextTag()): PlistValue {
    if (token === undefined) throw new PlistError('it ends where a value was expected');
    if (token.kind === 'text') throw new PlistError(`text "${token.text.trim().slice(0, 40)}" stands where a value was expected`);
    if (token.kind === 'close') throw new PlistError(`</${token.name}> closes nothing`);
    const empty = token.kind === 'empty';
    const text = () => (empty ? '' : this.textUntilClose(token.name));
    switch (token.name) {
      case 'true':
      case 'false':
        if (!empty) this.textUntilClose(token.name);
        return token.name === 'true';
      case 'string':
        return text();
      case 'integer': {
        const raw = text().trim();
        const number = Number(raw);
        if (!/^[+-]?\d+$/.test(raw) || !Number.isSafeInteger(number)) throw new PlistError(`<integer>${raw}</integer> is not a whole number`);
        return number;
      }
      case 'real': {
        const raw = text().trim();
        const number = Number(raw);
        if (raw === '' || Number.isNaN(number)) throw new PlistError(`<real>${raw}</real> is not a number`);
        return number;
      }
      case 'date': {
        const raw = text().trim();
        const date = new Date(raw);
        if (Number.isNaN(date.getTime())) throw new PlistError(`<date>${raw}</date> is not a date`);
        return date;
      }
      case 'data':
        return Uint8Array.from(Buffer.from(text().replace(/\s+/g, ''), 'base64'));
      case 'array':
        return empty ? [] : this.array();
      case 'dict':
        return empty ? {} : this.dict();
      default:
        throw new PlistError(`<${token.name}> is not a property list value`);
    }
  }

  private array(): PlistValue[] {
    const items: PlistValue[] = [];
    for (;;) {
      const token = this.nextTag();
      if (token?.kind === 'close' && token.name === 'array') return items;
      items.push(this.value(token));
    }
  }

  private dict(): { [key: string]: PlistValue } {
    // No prototype: a key named "__proto__" is just a key.
    const entries: { [key: string]: PlistValue } = Object.create(null) as { [key: string]: PlistValue };
    for (;;) {
      const token = this.nextTag();
      if (token?.kind === 'close' && token.name === 'dict') return entries;
      if (token?.kind !== 'open' || token.name !== 'key') {
        if (token?.kind === 'empty' && token.name === 'key') throw new PlistError('a <dict> has an empty <key/>');
        throw new PlistError('a <dict> must alternate <key> and a value');
      }
      const key = this.textUntilClose('key');
      if (Object.hasOwn(entries, key)) throw new PlistError(`the key "${key}" appears twice`);
      entries[key] = this.value();
    }
  }

  document(): PlistValue {
    const first = this.nextTag();
    const inPlist = first?.kind === 'open' && first.name === 'plist';
    const value = this.value(inPlist ? undefined : first);
    if (inPlist) {
      const close = this.nextTag();
      if (close?.kind !== 'close' || close.name !== 'plist') throw new PlistError('<plist> must hold exactly one value');
    }
    if (this.nextTag() !== undefined) throw new PlistError('there is more after the property list');
    return value;
  }
}

/** Parses an XML property list; throws PlistError saying what is wrong. */
export function parsePlist(xml: string): PlistValue {
  return new Reader(tokenize(xml.replace(/^\uFEFF/, ''))).document();
}

export function isPlistDict(value: PlistValue): value is { [key: string]: PlistValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof Uint8Array);
}
