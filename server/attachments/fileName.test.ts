// File names and types: what a name becomes, and which bytes are which type.
import { describe, expect, it } from 'vitest';
import { sampleFiles } from '../testing/sampleFiles';
import { attachmentFileName, contentDisposition, decodeFileNameHeader, FILE_NAME_MAX } from './fileName';
import { sniffContentType } from './fileType';

describe('attachmentFileName', () => {
  it.each([
    ['C:\\Users\\front desk\\Pictures\\fringe.JPG', 'image/jpeg', 'fringe.JPG'],
    ['photo.jpeg', 'image/png', 'photo.png'],
    ['report.final', 'application/pdf', 'report.final.pdf'],
    ['.hidden', 'image/gif', 'hidden.gif'],
    ['tab\there\u0000and\u202Fnull "quoted" <b>.pdf', 'application/pdf', 'tab hereand null quoted b.pdf'],
    ['invoice\u202Egnp.exe', 'application/pdf', 'invoicegnp.exe.pdf'],
    ['   ', 'image/webp', 'attachment.webp'],
  ] as const)('turns %j (%s) into %j', (given, type, expected) => {
    expect(attachmentFileName(given, type)).toBe(expected);
  });

  it('keeps long names to the limit, extension included', () => {
    const name = attachmentFileName(`${'é'.repeat(300)}.pdf`, 'application/pdf');
    expect([...name]).toHaveLength(FILE_NAME_MAX);
    expect(name.endsWith('é.pdf')).toBe(true);
  });

  it('decodes the header, or says it cannot', () => {
    expect(decodeFileNameHeader(encodeURIComponent('naïve café.png'))).toBe('naïve café.png');
    expect(decodeFileNameHeader(undefined)).toBe('');
    expect(decodeFileNameHeader('%E0%A4%A')).toBeNull();
  });

  it('encodes every character RFC 5987 does not allow as is', () => {
    expect(contentDisposition("it's (1)*.png")).toBe(`attachment; filename="it's (1)*.png"; filename*=UTF-8''it%27s%20%281%29%2A.png`);
  });
});

describe('sniffContentType', () => {
  it('reads the type from the first bytes only', () => {
    expect(Object.fromEntries(Object.entries(sampleFiles).map(([kind, bytes]) => [kind, sniffContentType(bytes)]))).toEqual({
      png: 'image/png', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', pdf: 'application/pdf', exe: null, svg: null, html: null,
    });
    expect(sniffContentType(Buffer.from('RIFF\u0000\u0000\u0000\u0000WAVE', 'latin1'))).toBeNull(); // RIFF, but audio
    expect(sniffContentType(Buffer.from([0x89, 0x50]))).toBeNull(); // too short to tell
  });
});
