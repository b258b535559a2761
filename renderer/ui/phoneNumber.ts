// Mobile numbers are stored in E.164 (+447400900101); people read them grouped the way their
// country writes them. libphonenumber-js (already what the server validates numbers with) knows
// every country's grouping; the "min" metadata is enough to format.
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** A number of the workspace's own country in its national form ("07400 900101"), any other in
 * international form ("+1 212 555 0100"); anything unparseable exactly as stored. */
export function formatPhoneNumber(stored: string, workspaceCountry?: string | null): string {
  const parsed = parsePhoneNumberFromString(stored);
  if (!parsed) return stored;
  const sameCountry = workspaceCountry && isSupportedCountry(workspaceCountry.toUpperCase()) && parsed.country === workspaceCountry.toUpperCase();
  return sameCountry ? parsed.formatNational() : parsed.formatInternational();
}
