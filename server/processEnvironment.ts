// The environment the server process starts with, wherever we start it as a process of its
// own: the desktop app's embedded server and the bench (README → Performance says the same for
// hosts that run out/main/server.js themselves).

/** On Linux, glibc gives each thread that allocates its own malloc arena and keeps what is
 * freed there: every sign-in's 16 MB scrypt buffer stayed resident once in each of libuv's four
 * pool threads, and the WAL checkpoint worker kept an arena too. Two arenas kept the server
 * ~50–70 MB smaller at 1,000 connections at the same send rate (measured with the bench).
 * Other platforms' allocators ignore the variable. */
const MALLOC_ARENAS = '2';

/** `base` plus our defaults; a value already set in `base` (e.g. by IT) wins. */
export function serverProcessEnv(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { MALLOC_ARENA_MAX: MALLOC_ARENAS, ...base };
}
