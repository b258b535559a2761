// Reads the managed settings a macOS configuration profile installs (build/policies/*.mobileconfig,
// payload type com.frontdeskinbox.app): macOS writes them to /Library/Managed Preferences/ as a
// property list, often binary. A binary one is converted with the system's `plutil`; the XML
// is parsed here. The values go through the same strict check as the configuration file.
import type { CommandRunner, RawManagedSource } from './policySource';
import { isPlistDict, parsePlist, PlistError, type PlistValue } from './plist';

export const MAC_BUNDLE_ID = 'com.frontdeskinbox.app';
export const MAC_MANAGED_PREFERENCES = `/Library/Managed Preferences/${MAC_BUNDLE_ID}.plist`;

/** Profile bookkeeping (PayloadUUID, PayloadVersion…) is not a setting of ours. */
const isPayloadKey = (key: string) => key.startsWith('Payload');

export interface MacPreferenceSources {
  /** The file's text; throws a Node error (ENOENT for a missing file) like fs.readFileSync. */
  readonly readText: (path: string) => string;
  readonly run: CommandRunner;
}

function xmlOf(sources: MacPreferenceSources, path: string): { ok: true; xml: string } | { ok: false; source: RawManagedSource } {
  let text: string;
  try {
    text = sources.readText(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, source: { kind: 'absent' } };
    return { ok: false, source: { kind: 'unreadable', reasons: [`it could not be read (${error instanceof Error ? error.message : String(error)})`] } };
  }
  if (!text.startsWith('bplist')) return { ok: true, xml: text };
  try {
    const converted = sources.run('plutil', ['-convert', 'xml1', '-o', '-', path]);
    if (converted.status === 0) return { ok: true, xml: converted.stdout };
    return { ok: false, source: { kind: 'unreadable', reasons: [`plutil could not convert it (${converted.stderr.trim() || `exit code ${converted.status}`})`] } };
  } catch (error) {
    return { ok: false, source: { kind: 'unreadable', reasons: [`plutil could not be run (${error instanceof Error ? error.message : String(error)})`] } };
  }
}

export function readMacManagedPreferences(sources: MacPreferenceSources, path = MAC_MANAGED_PREFERENCES): RawManagedSource {
  const xml = xmlOf(sources, path);
  if (!xml.ok) return xml.source;
  let plist: PlistValue;
  try {
    plist = parsePlist(xml.xml);
  } catch (error) {
    const reason = error instanceof PlistError ? error.message : String(error);
    return { kind: 'unreadable', reasons: [`it is not a valid property list (${reason})`] };
  }
  if (!isPlistDict(plist)) return { kind: 'unreadable', reasons: ['it must hold one dictionary of settings'] };
  // Plist strings, integers and booleans are already the file's JSON values; a date, data, array
  // or dictionary is passed on as is for the strict check to refuse by type.
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(plist)) {
    if (!isPayloadKey(key)) raw[key] = value;
  }
  return Object.keys(raw).length === 0 ? { kind: 'absent' } : { kind: 'values', raw };
}
