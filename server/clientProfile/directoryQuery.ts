// Turns what a member typed into the client finder into a safe FTS5 query over the client
// directory index (migration 16: name, email, mobile). Words match names and email addresses,
// the last one as a prefix (search as you type), like the inbox search (search/ftsQuery.ts).
// Something that looks like the start of a phone number also matches stored mobile numbers,
// which are E.164 ("+447400900107", indexed as the token 447400900107): "07400 900" is read in
// the workspace's country (trunk 0 dropped, its calling code put in front), "+44 7400" and
// "0044 7400" as international, and bare digits either way.
import { getCountryCallingCode } from 'libphonenumber-js/max';
import { phoneCountry } from './contactValidation';

const MAX_WORDS = 6;
/** Fewer digits than this match too many numbers to be worth a lookup. */
const MIN_PHONE_DIGITS = 3;
const PHONE_LIKE = /^\+?[\d\s().-]+$/;

const quoted = (term: string, prefix: boolean) => `"${term}"${prefix ? '*' : ''}`;

/** The digits a stored mobile number would start with, for each way the input can be read. */
export function mobilePrefixes(input: string, workspaceCountry: string): string[] {
  const text = input.trim();
  if (!PHONE_LIKE.test(text)) return [];
  const digits = text.replace(/\D/g, '');
  if (digits.length < MIN_PHONE_DIGITS) return [];
  if (text.startsWith('+')) return [digits];
  if (digits.startsWith('00')) return digits.length - 2 >= MIN_PHONE_DIGITS ? [digits.slice(2)] : [];
  const country = phoneCountry(workspaceCountry);
  const callingCode = country ? getCountryCallingCode(country) : null;
  if (digits.startsWith('0')) return callingCode ? [`${callingCode}${digits.slice(1)}`] : [];
  return callingCode ? [digits, `${callingCode}${digits}`] : [digits];
}

/** null when the input has nothing to search for (e.g. only punctuation). */
export function toDirectoryQuery(input: string, workspaceCountry: string): string | null {
  const words = input.normalize('NFKC').match(/[\p{L}\p{N}]+/gu)?.slice(0, MAX_WORDS) ?? [];
  if (words.length === 0) return null;
  const byNameOrEmail = `{name email} : (${words.map((word, index) => quoted(word, index === words.length - 1)).join(' ')})`;
  const numbers = mobilePrefixes(input.normalize('NFKC'), workspaceCountry);
  if (numbers.length === 0) return byNameOrEmail;
  return `${byNameOrEmail} OR {mobile} : (${numbers.map((number) => quoted(number, true)).join(' OR ')})`;
}
