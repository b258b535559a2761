// A password or PIN hash as this server made them before its scrypt parameters were raised
// (p=1), for tests of hashes stored by an older version.
import { randomBytes, scryptSync } from 'node:crypto';

export function oldParameterHash(secret: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(secret, salt, 32, { N: 16384, r: 8, p: 1 });
  return `scrypt$16384$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
}
