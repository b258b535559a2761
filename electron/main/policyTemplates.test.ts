// The policy templates in build/policies/ against the managed settings schema: the Group Policy
// template (ADMX + ADML) and the example macOS configuration profiles cover every setting with
// its type, and the same settings reach the app alike whether IT writes them in the JSON file,
// sets them with Group Policy (simulated from the ADMX: the registry values it writes, as
// `reg query` prints them) or installs a profile (read as macOS stores it, XML or binary).
// The XML is read with electron-updater's parser, independent of ours in plist.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseXml, type XElement } from 'builder-util-runtime';
import { describe, expect, it } from 'vitest';
import { AUTO_LOCK_MINUTES_MAX, DEFAULT_MANAGED_SETTINGS, managedSettingsSchema, type ManagedSettingKey } from '../../shared/ipc';
import { readMacManagedPreferences } from './macManagedPreferences';
import { checkManagedValues, MANAGED_SETTING_KINDS, parseManagedConfig } from './managedConfig';
import type { CommandRunner } from './managedSources';
import { isPlistDict, parsePlist, type PlistValue } from './plist';
import { readWindowsPolicy, WINDOWS_POLICY_KEY } from './windowsPolicy';

const policiesDir = fileURLToPath(new URL('../../build/policies/', import.meta.url));
const read = (name: string) => readFileSync(join(policiesDir, name), 'utf8');
const ALL_KEYS = Object.keys(DEFAULT_MANAGED_SETTINGS).sort() as ManagedSettingKey[];
const POLICY_SUBKEY = WINDOWS_POLICY_KEY.replace(/^HKLM\\/, '');

const admx = parseXml(read('FrontDeskInbox.admx'));
const adml = parseXml(read('en-US/FrontDeskInbox.adml'));
const policies = admx.element('policies').getElements('policy');
const PROFILES = ['reception-computer.mobileconfig', 'server-computer.mobileconfig'];

const childElements = (element: XElement | null): XElement[] => element?.elements ?? [];

/** The ADMX element (or the policy itself, for on/off) that writes the setting's value. */
function writerOf(key: ManagedSettingKey): { policy: XElement; element: XElement | null } {
  for (const policy of policies) {
    if (policy.attributes?.valueName === key) return { policy, element: null };
    const element = childElements(policy.elementOrNull('elements')).find((candidate) => candidate.attributes?.valueName === key);
    if (element) return { policy, element };
  }
  throw new Error(`No policy writes "${key}"`);
}

/** The registry values Group Policy writes for these settings, following the ADMX. */
function registryValuesFor(settings: Record<string, unknown>): [string, string, string][] {
  return Object.entries(settings).map(([key, value]) => {
    const { policy, element } = writerOf(key as ManagedSettingKey);
    if (element === null) {
      const decimal = policy.element(value === true ? 'enabledValue' : 'disabledValue').element('decimal').attribute('value');
      return [key, 'REG_DWORD', `0x${Number(decimal).toString(16)}`];
    }
    if (element.name === 'decimal') return [key, 'REG_DWORD', `0x${Number(value).toString(16)}`];
    if (element.name === 'enum') {
      const item = element.getElements('item').find((candidate) => candidate.element('value').element('string').value === value);
      if (!item) throw new Error(`"${String(value)}" is not a choice of ${key}`);
      return [key, 'REG_SZ', item.element('value').element('string').value];
    }
    return [key, 'REG_SZ', String(value)];
  });
}

/** What `reg query <key> /reg:64` prints on Windows. */
function regQueryOutput(values: [string, string, string][]): string {
  const lines = values.map(([name, type, data]) => `    ${name}    ${type}    ${data}`);
  return ['', `HKEY_LOCAL_MACHINE\\${POLICY_SUBKEY}`, ...lines, '', ''].join('\r\n');
}

const answering =
  (stdout: string): CommandRunner =>
  () => ({ status: 0, stdout, stderr: '' });

/** The settings dictionary of a profile's com.frontdeskinbox.app payload, Payload keys aside. */
function profileSettings(name: string): Record<string, PlistValue> {
  const profile = parsePlist(read(name));
  if (!isPlistDict(profile) || !Array.isArray(profile.PayloadContent)) throw new Error(`${name} has no PayloadContent`);
  const payload = profile.PayloadContent.find((item) => isPlistDict(item) && item.PayloadType === 'com.frontdeskinbox.app');
  if (!payload || !isPlistDict(payload)) throw new Error(`${name} has no com.frontdeskinbox.app payload`);
  return Object.fromEntries(Object.entries(payload).filter(([key]) => !key.startsWith('Payload')));
}

/** The same payload as the independent XML parser reads it: key → value element name and text. */
function profileSettingsByXml(name: string): Record<string, { type: string; text: string }> {
  const root = parseXml(read(name)).element('dict');
  const pairs = (dict: XElement) => {
    const children = childElements(dict);
    const result: [string, XElement][] = [];
    for (let index = 0; index < children.length; index += 2) result.push([children[index]?.value ?? '', children[index + 1] as XElement]);
    return result;
  };
  const content = pairs(root).find(([key]) => key === 'PayloadContent')?.[1];
  const payload = childElements(content ?? null).find((dict) => pairs(dict).some(([key, value]) => key === 'PayloadType' && value.value === 'com.frontdeskinbox.app'));
  if (!payload) throw new Error(`${name} has no com.frontdeskinbox.app payload`);
  return Object.fromEntries(pairs(payload).filter(([key]) => !key.startsWith('Payload')).map(([key, value]) => [key, { type: value.name, text: value.value ?? '' }]));
}

describe('the Group Policy template', () => {
  it('has one machine policy per setting, all under the key the app reads', () => {
    const written = ALL_KEYS.map((key) => writerOf(key));
    expect(new Set(written.map(({ policy }) => policy.attribute('name'))).size).toBe(ALL_KEYS.length);
    expect(policies).toHaveLength(ALL_KEYS.length);
    for (const policy of policies) {
      expect(policy.attributes).toMatchObject({ class: 'Machine', key: POLICY_SUBKEY });
      expect(policy.element('parentCategory').attribute('ref')).toBe('FrontDeskInbox');
    }
  });

  it('writes each setting with the type the app expects', () => {
    for (const key of ALL_KEYS) {
      const { policy, element } = writerOf(key);
      const kind = MANAGED_SETTING_KINDS[key];
      if (kind === 'on-off') {
        expect(element).toBeNull();
        expect(policy.element('enabledValue').element('decimal').attribute('value')).toBe('1');
        expect(policy.element('disabledValue').element('decimal').attribute('value')).toBe('0');
      } else if (kind === 'whole-number') {
        expect(element?.name).toBe('decimal');
        const [min, max] = key === 'port' ? ['1', '65535'] : ['1', String(AUTO_LOCK_MINUTES_MAX)];
        expect(element?.attributes).toMatchObject({ minValue: min, maxValue: max, required: 'true' });
      } else if (kind === 'choice') {
        expect(element?.name).toBe('enum');
        const choices = element?.getElements('item').map((item) => item.element('value').element('string').value);
        expect(choices).toEqual(managedSettingsSchema.shape.serverMode.options);
      } else {
        expect(element?.name).toBe('text');
        expect(element?.attributes).toMatchObject({ required: 'true' });
      }
    }
  });

  it('has every text and presentation it names in the ADML', () => {
    const strings = new Set(adml.element('resources').element('stringTable').getElements('string').map((entry) => entry.attribute('id')));
    const presentations = new Map(adml.element('resources').element('presentationTable').getElements('presentation').map((entry) => [entry.attribute('id'), entry]));
    const referenced = read('FrontDeskInbox.admx').matchAll(/\$\(string\.([\w]+)\)/g);
    for (const [, id] of referenced) expect(strings.has(id ?? '')).toBe(true);
    for (const policy of policies) {
      expect(strings.has(`${policy.attribute('name')}_Explain`)).toBe(true);
      const presentation = policy.attributes?.presentation?.match(/^\$\(presentation\.(\w+)\)$/)?.[1];
      const elements = childElements(policy.elementOrNull('elements'));
      if (elements.length === 0) {
        expect(presentation).toBeUndefined();
        continue;
      }
      const shown = presentations.get(presentation ?? '');
      expect(shown, `presentation of ${policy.attribute('name')}`).toBeDefined();
      const refIds = childElements(shown ?? null).map((control) => control.attribute('refId'));
      expect(refIds).toEqual(elements.map((element) => element.attribute('id')));
    }
  });
});

describe('the example configuration profiles', () => {
  it('cover every setting between them, each with its plist type', () => {
    const covered = new Set<string>();
    for (const name of PROFILES) {
      const byOurParser = profileSettings(name);
      const byXml = profileSettingsByXml(name);
      expect(Object.keys(byOurParser).sort()).toEqual(Object.keys(byXml).sort());
      for (const [key, { type }] of Object.entries(byXml)) {
        covered.add(key);
        const kind = MANAGED_SETTING_KINDS[key as ManagedSettingKey];
        const expected = kind === 'on-off' ? ['true', 'false'] : kind === 'whole-number' ? ['integer'] : kind === 'id-or-name' ? ['integer', 'string'] : ['string'];
        expect(expected, `${name}: ${key}`).toContain(type);
      }
      expect(checkManagedValues(byOurParser)).toMatchObject({ ok: true });
    }
    expect([...covered].sort()).toEqual(ALL_KEYS);
  });
});

describe('every source gives the same settings', () => {
  for (const name of PROFILES) {
    it(`for ${name}: JSON file, Group Policy and configuration profile (XML and binary)`, () => {
      const settings = profileSettings(name);
      const fromFile = parseManagedConfig('/etc/front-desk-inbox/config.json', JSON.stringify(settings));
      expect(fromFile.problem).toBeNull();

      const fromPolicy = readWindowsPolicy(answering(regQueryOutput(registryValuesFor(settings))));
      expect(fromPolicy.kind).toBe('values');
      expect(fromPolicy.kind === 'values' && checkManagedValues(fromPolicy.raw)).toEqual({ ok: true, values: fromFile.values });

      // macOS keeps the payload's settings (and its Payload keys) as the managed preferences.
      const managedPlist = read(name).replace(/^[\s\S]*?<key>PayloadContent<\/key>\s*<array>\s*/, '<?xml version="1.0"?><plist version="1.0">').replace(/\s*<\/array>[\s\S]*$/, '</plist>');
      const xmlFile = readMacManagedPreferences({ readText: () => managedPlist, run: () => ({ status: 1, stdout: '', stderr: 'not called' }) }, '/p.plist');
      expect(xmlFile.kind === 'values' && checkManagedValues(xmlFile.raw)).toEqual({ ok: true, values: fromFile.values });

      const calls: (readonly string[])[] = [];
      const binaryFile = readMacManagedPreferences(
        {
          readText: () => 'bplist00\u0000\u0001binary',
          run: (command, args) => {
            calls.push([command, ...args]);
            return { status: 0, stdout: managedPlist, stderr: '' };
          },
        },
        '/Library/Managed Preferences/com.frontdeskinbox.app.plist',
      );
      expect(calls).toEqual([['plutil', '-convert', 'xml1', '-o', '-', '/Library/Managed Preferences/com.frontdeskinbox.app.plist']]);
      expect(binaryFile.kind === 'values' && checkManagedValues(binaryFile.raw)).toEqual({ ok: true, values: fromFile.values });
    });
  }
});
