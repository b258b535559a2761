// The bench harness end to end in its tiniest mode, so it cannot rot: seeds, starts our server
// and the raw one as child processes, drives them over real sockets and returns every figure.
// No timing is asserted here — speed is the bench's own business.
import { describe, expect, it } from 'vitest';
import { benchResultSchema } from './report';
import { runBench } from './run';

describe('npm run bench (tiny)', () => {
  it('measures every figure with a same-run baseline', async () => {
    const result = await runBench({ mode: 'tiny', server: 'source' });
    expect(benchResultSchema.parse(result)).toEqual(result);
    const keys = result.figures.map((figure) => figure.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'send.c1.rate', 'send.c20.p99', 'delivery.toStaff.p99', 'delivery.toClient.p99', 'inbox.firstPage.p99',
        'inbox.keysetPage.p99', 'inbox.locationPage.p99', 'inbox.unreadPage.p99', 'messages.latest.p99', 'messages.older.p99',
        'inbox.openPage.p99', 'inbox.minePage.p99', 'inbox.unassignedPage.p99', 'inbox.snoozedPage.p99', 'inbox.donePage.p99',
        'inbox.unreadOpenPage.p99', 'inbox.counts.p99', 'search.p99', 'memory.rss', 'coldStart',
      ]),
    );
    // Linux's /proc gives each process's CPU time: what a send costs the server and the driver.
    if (process.platform === 'linux') expect(keys).toEqual(expect.arrayContaining(['send.c20.serverCpu', 'send.c20.driverCpu', 'send.c20.ceiling']));
    for (const figure of result.figures) {
      expect(figure.value, figure.key).toBeGreaterThan(0);
      if (figure.baseline) expect(figure.baseline.value, figure.key).toBeGreaterThan(0);
    }
    // Every send was acked: none failed and none was lost in delivery.
    expect(result.notes.filter((note) => !note.startsWith('Server run from TypeScript'))).toEqual([]);
  }, 240_000);
});
