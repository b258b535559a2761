// How the server process is started wherever it runs as a process of its own: the desktop
// app's embedded server, `npm run server` and the bench (README → Performance).

/** V8's heap, sized for a server that must stay small and answer promptly (measured with the
 * bench at 1,000 connections, ~40 MB live heap):
 * - the old generation's growth is sized to its maximum, by default a share of the machine's
 *   memory: on a big machine garbage piled up to several times the live heap (RSS 310–350 MB).
 *   Capped at 384 MB, about ten times the live heap, it is collected sooner (RSS ~200 MB);
 * - young-generation collections stop the server while they copy what survives, and with the
 *   default 16 MB semi-space they ran every few milliseconds under load, some for over 20 ms.
 *   32 MB semi-spaces let more requests finish before a collection: fewer, shorter pauses
 *   (GC time 530 → 320 ms over the bench's load) for ~15 MB more RSS.
 * - --expose-gc lets the idle server give that young generation back (idleMemory.ts). */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-old-space-size=384', '--max-semi-space-size=32', '--expose-gc'];

/** On Linux, glibc gives each thread that allocates its own malloc arena and keeps what is
 * freed there: every sign-in's 16 MB scrypt buffer stayed resident once in each of libuv's four
 * pool threads, and the WAL checkpoint worker kept an arena too. Two arenas kept the server
 * ~50–70 MB smaller at 1,000 connections at the same send rate (measured with the bench).
 * Other platforms' allocators ignore the variable. */
const MALLOC_ARENAS = '2';

/** The desktop app's embedded server runs on a reception computer beside the app: SQLite's page
 * cache per database file and connection is 8 MB there instead of the driver's 16 MB (the
 * inbox's pages walk a few index pages each; a send's random-id index lookups fill a cache
 * however big it is). A back-office server keeps the larger default. */
const EMBEDDED_SQLITE_CACHE_MB = '8';

/** `base` plus our defaults; a value already set in `base` (e.g. by IT) wins. */
export function serverProcessEnv(base: NodeJS.ProcessEnv, options: { embedded?: boolean } = {}): NodeJS.ProcessEnv {
  return { MALLOC_ARENA_MAX: MALLOC_ARENAS, ...(options.embedded ? { INBOX_SQLITE_CACHE_MB: EMBEDDED_SQLITE_CACHE_MB } : {}), ...base };
}
