// Test helper: the real scrypt hasher, counted and optionally held. Counting shows how many
// guesses the server really checked; holding keeps admitted guesses in flight (their check
// waits to start) so a test can send more while the first are provably unanswered. New hashes
// (a password being set) are never held.
import { scryptHasher, type SecretHasher } from '../auth/hashGate';

export type ObservedHasher = SecretHasher & {
  /** Secrets checked against a stored hash so far (each one a real scrypt). */
  readonly verifications: number;
  /** New hashes made so far. */
  readonly hashes: number;
  /** Checks started from now on wait until the returned function is called. */
  hold(): () => void;
};

export function observedHasher(real: SecretHasher = scryptHasher): ObservedHasher {
  let verifications = 0;
  let hashes = 0;
  let held: Promise<void> | null = null;
  const waitIfHeld = async () => {
    while (held) await held;
  };
  return {
    get verifications() {
      return verifications;
    },
    get hashes() {
      return hashes;
    },
    hold() {
      let release = () => {};
      const hold = new Promise<void>((resolve) => {
        release = () => {
          if (held === hold) held = null;
          resolve();
        };
      });
      held = hold;
      return release;
    },
    async verify(secret, stored) {
      await waitIfHeld();
      verifications += 1;
      return real.verify(secret, stored);
    },
    async hash(secret) {
      hashes += 1;
      return real.hash(secret);
    },
  };
}
