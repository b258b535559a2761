// Small files of each kind for attachment tests: real headers ("magic numbers") followed by
// filler, plus things that must be refused.
import { gradientPng } from '../demo/demoImage';

const ascii = (text: string) => Buffer.from(text, 'latin1');
const filler = (size: number) => Buffer.alloc(size, 0x2a);

export const sampleFiles = {
  png: gradientPng(4, 4, [255, 0, 0], [0, 0, 255]),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), ascii('\u0000\u0010JFIF\u0000'), filler(64), Buffer.from([0xff, 0xd9])]),
  gif: Buffer.concat([ascii('GIF89a'), Buffer.from([1, 0, 1, 0, 0, 0, 0]), filler(16), ascii(';')]),
  webp: Buffer.concat([ascii('RIFF'), Buffer.from([36, 0, 0, 0]), ascii('WEBPVP8 '), filler(28)]),
  pdf: Buffer.concat([ascii('%PDF-1.7\n'), filler(64), ascii('\n%%EOF\n')]),
  /** A Windows executable: "MZ" header. */
  exe: Buffer.concat([ascii('MZ'), Buffer.from([0x90, 0, 3, 0]), filler(120)]),
  /** An SVG can carry script, so it is not an allowed image. */
  svg: ascii('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'),
  html: ascii('<!doctype html><script>alert(1)</script>'),
} as const;
