// Memory of a process and of a process tree, from Linux's /proc: PSS (each shared page counted
// once across the processes sharing it, so a tree's PSS adds up to what it really costs) and
// RSS. Elsewhere every figure is null.
import { readdirSync, readFileSync } from 'node:fs';

export type ProcessMemory = { pssMb: number; rssMb: number };

/** Pss and Rss of `/proc/<pid>/smaps_rollup`, in MB; null when either line is missing. */
export function parseSmapsRollup(text: string): ProcessMemory | null {
  const kb = (field: string) => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
    return match ? Number(match[1]) : null;
  };
  const pss = kb('Pss');
  const rss = kb('Rss');
  return pss === null || rss === null ? null : { pssMb: pss / 1024, rssMb: rss / 1024 };
}

/** The parent pid in `/proc/<pid>/stat` (after the command name, which may hold spaces). */
export function parentPidOfStat(stat: string): number | null {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const parent = Number(fields[1]);
  return Number.isInteger(parent) ? parent : null;
}

/** `root` and every process below it, from a pid → parent pid table. */
export function treeOf(root: number, parents: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, parent] of parents) children.set(parent, [...(children.get(parent) ?? []), pid]);
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null; // the process ended meanwhile, or this is not Linux
  }
}

export function memoryOf(pid: number): ProcessMemory | null {
  const text = readOrNull(`/proc/${pid}/smaps_rollup`);
  return text === null ? null : parseSmapsRollup(text);
}

function parentTable(): Map<number, number> {
  const parents = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return parents;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readOrNull(`/proc/${entry}/stat`);
    const parent = stat === null ? null : parentPidOfStat(stat);
    if (parent !== null) parents.set(Number(entry), parent);
  }
  return parents;
}

/** The child processes of `parent` whose command line matches `pattern` (e.g. the browser
 * Playwright launched from this process). */
export function childrenMatching(parent: number, pattern: RegExp): number[] {
  return [...parentTable()]
    .filter(([pid, ppid]) => ppid === parent && pattern.test((readOrNull(`/proc/${pid}/cmdline`) ?? '').replace(/\0/g, ' ')))
    .map(([pid]) => pid);
}

export type TreeMemory = ProcessMemory & { processes: number };

/** Summed memory of the process trees under `roots`; null where /proc cannot be read. */
export function treeMemory(roots: readonly number[]): TreeMemory | null {
  const parents = parentTable();
  const pids = new Set(roots.flatMap((root) => treeOf(root, parents)));
  const total: TreeMemory = { pssMb: 0, rssMb: 0, processes: 0 };
  for (const pid of pids) {
    const memory = memoryOf(pid);
    if (!memory) continue;
    total.pssMb += memory.pssMb;
    total.rssMb += memory.rssMb;
    total.processes += 1;
  }
  return total.processes === 0 ? null : total;
}
