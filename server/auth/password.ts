// Password hashing with scrypt from node:crypto. The stored string carries its parameters so
// they can be raised without invalidating existing hashes: a hash made with other parameters
// still verifies, and is replaced at its owner's next successful sign-in (needsRehash).
import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
// OWASP's scrypt guidance for 16 MiB of memory per hash (N=2^14, r=8) is p=5: the memory stays
// small for a server that may sign in a few people at once, the work is five times p=1's.
const PARAMS = { N: 16384, r: 8, p: 5 } as const;
const MAX_MEMORY = 64 * 1024 * 1024;

function derive(password: string, salt: Buffer, options: ScryptOptions, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, length, { ...options, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

const format = (salt: Buffer, key: Buffer) =>
  `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  return format(salt, await derive(password, salt, PARAMS, KEY_LENGTH));
}

/** Synchronous variant for seeding, where nothing else is waiting on the event loop. */
export function hashPasswordSync(password: string): string {
  const salt = randomBytes(SALT_LENGTH);
  return format(salt, scryptSync(password, salt, KEY_LENGTH, { ...PARAMS, maxmem: MAX_MEMORY }));
}

/** Never answers sooner than a hash with today's parameters takes: a hash stored under cheaper
 * ones is checked alongside such a hash of nothing, so an unknown email (checked against
 * dummyPasswordHash) and a member who has not signed in since the parameters rose take as long. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const check = derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) }, expected.length);
  const [actual] = await Promise.all([check, ...(needsRehash(stored) ? [derive(password, randomBytes(SALT_LENGTH), PARAMS, KEY_LENGTH)] : [])]);
  return timingSafeEqual(actual, expected);
}

/** Whether a stored hash was made with other parameters than new hashes get. */
export function needsRehash(stored: string): boolean {
  const [scheme, n, r, p] = stored.split('$');
  return scheme !== 'scrypt' || Number(n) !== PARAMS.N || Number(r) !== PARAMS.r || Number(p) !== PARAMS.p;
}

let dummyHash: string | null = null;

/** A real hash of nothing anyone knows: checking against it makes an unknown email take as
 * long as a wrong password, so response times do not reveal which emails exist. */
export function dummyPasswordHash(): string {
  dummyHash ??= hashPasswordSync(randomBytes(16).toString('hex'));
  return dummyHash;
}
