// Reading a process tree's memory from Linux's /proc: the parsers on fixed text, and the whole
// on this process and a real child.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { childrenMatching, memoryOf, parentPidOfStat, parseSmapsRollup, treeMemory, treeOf } from './processMemory';

const ROLLUP = `55d0c0a00000-7ffd1a3f1000 ---p 00000000 00:00 0                          [rollup]
Rss:              119372 kB
Pss:               93669 kB
Pss_Anon:          62100 kB
Shared_Clean:      26000 kB
`;

describe('parsers', () => {
  it('reads Pss and Rss from smaps_rollup, in MB, and nothing from other text', () => {
    expect(parseSmapsRollup(ROLLUP)).toEqual({ pssMb: 93669 / 1024, rssMb: 119372 / 1024 });
    expect(parseSmapsRollup('Rss: 12 kB\n')).toBeNull();
  });

  it('reads the parent pid after a command name with spaces and parentheses', () => {
    expect(parentPidOfStat('4242 (Web Content (x)) S 4200 4242 4200 0 -1')).toBe(4200);
  });

  it('walks a tree from its root, and nothing outside it', () => {
    const parents = new Map([[2, 1], [3, 2], [4, 2], [5, 9], [6, 3]]);
    expect(treeOf(2, parents).sort()).toEqual([2, 3, 4, 6]);
    expect(treeOf(5, parents)).toEqual([5]);
  });
});

describe.runIf(process.platform === 'linux')('on Linux', () => {
  it('sums a real child into its parent\'s tree and finds it by its command line', async () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', 'footprint-probe-child'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => child.once('spawn', resolve));
      const own = memoryOf(process.pid)!;
      expect(own.rssMb).toBeGreaterThan(own.pssMb * 0.5);
      expect(childrenMatching(process.pid, /footprint-probe-child/)).toEqual([child.pid]);
      const tree = treeMemory([process.pid])!;
      expect(tree.processes).toBeGreaterThanOrEqual(2);
      expect(tree.rssMb).toBeGreaterThan(own.rssMb);
      expect(treeMemory([child.pid!])!.processes).toBe(1);
    } finally {
      child.kill();
    }
  });
});
