import { describe, expect, it } from 'vitest';
import { parsePlist, PlistError } from './plist';

const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">${body}</plist>`;

describe('parsePlist', () => {
  it('reads every property list type', () => {
    const value = parsePlist(
      doc(`<dict>
        <!-- a comment -->
        <key>text</key><string> Lumen &amp; Co &lt;Soho&gt; &#233;&#x2014; </string>
        <key>empty</key><string/>
        <key>cdata</key><string><![CDATA[<b>as is</b>]]></string>
        <key>count</key><integer>-42</integer>
        <key>ratio</key><real>2.5</real>
        <key>yes</key><true/>
        <key>no</key><false/>
        <key>when</key><date>2026-03-02T09:00:00Z</date>
        <key>bytes</key><data>AQID</data>
        <key>list</key><array><integer>1</integer><string>two</string><array/></array>
        <key>nested</key><dict><key>a</key><dict/></dict>
      </dict>`),
    );
    expect(value).toEqual({
      text: ' Lumen & Co <Soho> é— ',
      empty: '',
      cdata: '<b>as is</b>',
      count: -42,
      ratio: 2.5,
      yes: true,
      no: false,
      when: new Date('2026-03-02T09:00:00Z'),
      bytes: Uint8Array.from([1, 2, 3]),
      list: [1, 'two', []],
      nested: { a: {} },
    });
  });

  it('keeps "__proto__" a plain key', () => {
    const value = parsePlist(doc('<dict><key>__proto__</key><dict><key>polluted</key><true/></dict></dict>')) as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses what is not a well-formed property list, saying what is wrong', () => {
    const cases: [string, string][] = [
      ['<dict><key>a</key></dict>', '</dict> closes nothing'],
      ['<dict><string>a</string></dict>', 'must alternate <key> and a value'],
      ['<dict><key>a</key><true/><key>a</key><false/></dict>', 'the key "a" appears twice'],
      ['<integer>4.5</integer>', 'is not a whole number'],
      ['<integer>99999999999999999999</integer>', 'is not a whole number'],
      ['<date>soon</date>', 'is not a date'],
      ['<string>a<b/></string>', 'may hold only text'],
      ['<string>open', '<string> may hold only text'],
      ['<widget/>', 'is not a property list value'],
      ['<true/><false/>', '<plist> must hold exactly one value'],
      ['', '</plist> closes nothing'],
      ['a < b', 'it is not well-formed XML (a "<" that starts no tag)'],
      ['just words', 'text "just words" stands where a value was expected'],
    ];
    for (const [body, message] of cases) {
      expect(() => parsePlist(doc(body)), body).toThrow(PlistError);
      expect(() => parsePlist(doc(body)), body).toThrow(message);
    }
    expect(() => parsePlist('<string>x</string> trailing')).toThrow('there is more after the property list');
    expect(() => parsePlist('<string>open')).toThrow('<string> is never closed');
    expect(() => parsePlist('  ')).toThrow('it ends where a value was expected');
  });
});
