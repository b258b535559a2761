// Quick reply placeholders. A placeholder is a known name in braces, e.g. {client.firstName}:
// letters and digits, parts joined by dots, no spaces. Saving a reply refuses a name that is not
// in PLACEHOLDERS (a typo would otherwise reach a client as written). Filling a reply for a
// conversation replaces each placeholder whose value is known and leaves the others as written,
// so the composer can show them and refuse to send until the member fills or removes them.

/** Every placeholder, with what it stands for (shown in Settings beside the reply's text). */
export const PLACEHOLDERS = {
  'client.firstName': "The client's first name",
  'client.name': "The client's full name",
  'appointment.service': 'The service of their next appointment at this location',
  'appointment.date': 'Its day, e.g. Tuesday 3 March (in the location’s time zone)',
  'appointment.time': 'Its start time, e.g. 14:30 (in the location’s time zone)',
  'appointment.staff': 'Who the appointment is with',
  'location.name': "The conversation's location",
  'member.firstName': 'Your own first name (the team member sending)',
} as const;

export type PlaceholderName = keyof typeof PLACEHOLDERS;
export type PlaceholderValues = Partial<Record<PlaceholderName, string>>;

export const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS) as PlaceholderName[];

// A brace, a dotted name, a brace. Anything else in braces ("{ }", "{50% off}") is plain text.
const TOKEN = /\{([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)\}/g;

export const isPlaceholderName = (name: string): name is PlaceholderName => Object.hasOwn(PLACEHOLDERS, name);

export const placeholderToken = (name: string): string => `{${name}}`;

/** The placeholder names written in a text, each once, in the order they first appear. */
export function placeholderNamesIn(text: string): string[] {
  return [...new Set([...text.matchAll(TOKEN)].map((match) => match[1]!))];
}

/** Names in braces that are not placeholders, each once. */
export const unknownPlaceholdersIn = (text: string): string[] => placeholderNamesIn(text).filter((name) => !isPlaceholderName(name));

/** Known placeholders still written in a text: what must be filled or removed before sending. */
export const unfilledPlaceholdersIn = (text: string): PlaceholderName[] => placeholderNamesIn(text).filter(isPlaceholderName);

/** The refusal of a reply with names that are not placeholders: names them and lists the real ones. */
export function unknownPlaceholdersMessage(unknown: readonly string[]): string {
  const named = unknown.map(placeholderToken).join(', ');
  const known = PLACEHOLDER_NAMES.map(placeholderToken).join(', ');
  return `${unknown.length === 1 ? 'Unknown placeholder' : 'Unknown placeholders'} ${named}. Placeholders you can use: ${known}.`;
}

/** Replaces each placeholder with its value in one pass (a value is never read as a template);
 * a placeholder without a value stays as written and is listed in `missing`. */
export function fillPlaceholders(text: string, values: PlaceholderValues): { text: string; missing: PlaceholderName[] } {
  const missing = new Set<PlaceholderName>();
  const filled = text.replace(TOKEN, (token, name: string) => {
    if (!isPlaceholderName(name)) return token;
    const value = values[name];
    if (value === undefined || value.trim() === '') {
      missing.add(name);
      return token;
    }
    return value;
  });
  return { text: filled, missing: [...missing] };
}

/** "Ava Thompson" → "Ava". */
export const firstNameOf = (name: string): string => name.trim().split(/\s+/)[0] ?? '';
