// Bounds password and PIN hashing. scrypt runs on libuv's threadpool, which file reads share
// (static pages, the built app): hundreds of hashes queued there would make every page wait.
// So at most `concurrency` hashes run at once (fewer than the pool's threads), the rest wait
// here, each address in turn, and past `queue` in total or `queuePerKey` for one address new ones are
// refused at once with a "busy, try again shortly" instead of piling up.
import { HttpError } from '../http/errors';
import { hashPassword, verifyPassword } from './password';

/** The slow work the gate bounds: real scrypt in production. */
export type SecretHasher = {
  hash(secret: string): Promise<string>;
  verify(secret: string, stored: string): Promise<boolean>;
};

export const scryptHasher: SecretHasher = { hash: hashPassword, verify: verifyPassword };

/** A reserved place in the gate: run the hashing with it once, or release it unused. */
export type HashSlot = {
  run<T>(work: (hasher: SecretHasher) => Promise<T>): Promise<T>;
  release(): void;
};

export type HashGateStats = { running: number; waiting: number; started: number; finished: number; busyRefusals: number };

export type HashGate = ReturnType<typeof createHashGate>;

/** Seconds a refused caller is asked to wait: a queue's worth of hashes takes about that long. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

export const busyError = () =>
  new HttpError(429, 'rate_limited', 'The server is busy checking other sign-ins. Try again in a few seconds.', undefined, {
    'Retry-After': String(BUSY_RETRY_AFTER_SECONDS),
  });

export function createHashGate(options: { hasher: SecretHasher; concurrency: number; queue: number; queuePerKey: number }) {
  const perKey = new Map<string, number>();
  // Waiting hashes per key, served in turn (round robin, in Map order): a flood from one
  // address waits behind itself, not in front of everyone else.
  const queues = new Map<string, (() => void)[]>();
  const enqueue = (key: string, start: () => void) => {
    const queue = queues.get(key);
    if (queue) queue.push(start);
    else queues.set(key, [start]);
  };
  const dequeue = (): (() => void) | undefined => {
    const first = queues.entries().next();
    if (first.done) return undefined;
    const [key, queue] = first.value;
    const start = queue.shift();
    queues.delete(key);
    // Back of the line for this key's next hash.
    if (queue.length > 0) queues.set(key, queue);
    return start;
  };
  const stats: HashGateStats = { running: 0, waiting: 0, started: 0, finished: 0, busyRefusals: 0 };
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of [...listeners]) listener();
  };
  const held = () => stats.running + stats.waiting;

  const leave = (key: string) => {
    const left = (perKey.get(key) ?? 1) - 1;
    if (left === 0) perKey.delete(key);
    else perKey.set(key, left);
  };

  /** Synchronous, so a caller can reserve and count a guess with nothing in between. Null: the
   * gate is full (in total or for this key); nothing was reserved. */
  function reserve(key: string): HashSlot | null {
    if (held() >= options.queue || (perKey.get(key) ?? 0) >= options.queuePerKey) {
      stats.busyRefusals += 1;
      changed();
      return null;
    }
    perKey.set(key, (perKey.get(key) ?? 0) + 1);
    stats.waiting += 1;
    let used = false;
    const take = () => {
      if (used) throw new Error('A hash slot is used once.');
      used = true;
    };
    changed();
    return {
      release() {
        take();
        stats.waiting -= 1;
        leave(key);
        changed();
      },
      async run(work) {
        take();
        // A finishing hash hands its place over without freeing it, so no newcomer can slip in
        // between and push the number running past `concurrency`.
        if (stats.running < options.concurrency) stats.running += 1;
        else await new Promise<void>((resolve) => enqueue(key, resolve));
        stats.waiting -= 1;
        stats.started += 1;
        changed();
        try {
          return await work(options.hasher);
        } finally {
          stats.finished += 1;
          leave(key);
          const next = dequeue();
          if (next) next();
          else stats.running -= 1;
          changed();
        }
      },
    };
  }

  return {
    reserve,
    /** Hashes a new secret (not a guess: nothing is counted), or throws the busy answer. */
    async hash(key: string, secret: string): Promise<string> {
      const slot = reserve(key);
      if (!slot) throw busyError();
      return slot.run((hasher) => hasher.hash(secret));
    },
    stats(): HashGateStats {
      return { ...stats };
    },
    /** Resolves once the gate's state satisfies `condition` (checked at every change); lets tests
     * wait for "all of these are in" without sleeping. */
    until(condition: (stats: HashGateStats) => boolean): Promise<void> {
      return new Promise((resolve) => {
        const check = () => {
          if (!condition({ ...stats })) return;
          listeners.delete(check);
          resolve();
        };
        listeners.add(check);
        check();
      });
    },
  };
}
