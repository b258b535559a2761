// A small generated PNG (a colour swatch) for the demo's attachment, so the demo ships no
// binary files. PNG: signature, IHDR, one zlib-compressed IDAT, IEND; each chunk CRC-checked.
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A width × height RGB image fading from one colour to another, top to bottom. */
export function gradientPng(width: number, height: number, from: [number, number, number], to: [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit depth, truecolour, default compression/filter, no interlace
  const rows = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y += 1) {
    const share = height === 1 ? 0 : y / (height - 1);
    const pixel = from.map((start, channel) => Math.round(start + ((to[channel] ?? start) - start) * share));
    const offset = y * (1 + width * 3);
    rows[offset] = 0; // filter: none
    for (let x = 0; x < width; x += 1) rows.set(pixel, offset + 1 + x * 3);
  }
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** The photo Mia sends of the colour she would like: warm honey to copper. */
export const colourInspirationPng = () => gradientPng(96, 96, [236, 196, 120], [160, 82, 45]);
