// Where the time to the first rows went: each startup mark as ms after the sign-in answer, the
// first page's source (the earliest of its marks), medians over sign-ins, and the rows printed.
import { describe, expect, it } from 'vitest';
import { STARTUP_MARKS } from '../../../shared/startupMarks';
import { meetsTarget } from '../report';
import { FOOTPRINT_TARGETS } from './figures';
import { medianTimeline, timelineFigures, timelineOf, type TimelineProbe } from './firstRowsTimeline';

const probe = (overrides: Partial<TimelineProbe> = {}): TimelineProbe => ({
  signInAnsweredAt: 1000,
  firstRowAt: 1180,
  firstRowPaintedAt: 1200,
  marks: {
    [STARTUP_MARKS.signedInScreens]: 1100,
    [STARTUP_MARKS.socketConnected]: 1400,
    [STARTUP_MARKS.firstPageRequested]: 1401,
    [STARTUP_MARKS.firstPageAnswered]: 1500,
    [STARTUP_MARKS.firstPageFromSocket]: 1500,
    [STARTUP_MARKS.firstPageFromSignIn]: 1100,
  },
  ...overrides,
});

describe('timelineOf', () => {
  it('puts every step after the sign-in answer, and the first page at its earliest source', () => {
    expect(timelineOf(probe())).toEqual({
      screensMs: 100,
      socketConnectedMs: 400,
      sessionAnsweredMs: null,
      pageRequestedMs: 401,
      pageAnsweredMs: 500,
      firstPageMs: 100,
      firstPageSource: 'sign-in',
      rowsMs: 180,
      paintedMs: 200,
    });
    const fromCache = timelineOf(probe({ marks: { [STARTUP_MARKS.firstPageFromCache]: 1050, [STARTUP_MARKS.firstPageFromSocket]: 1300 } }));
    expect(fromCache).toMatchObject({ firstPageMs: 50, firstPageSource: 'cache', screensMs: null });
  });

  it('knows nothing without the sign-in answer', () => {
    expect(timelineOf(probe({ signInAnsweredAt: null }))).toMatchObject({ rowsMs: null, firstPageMs: null, firstPageSource: 'sign-in' });
  });
});

describe('medianTimeline', () => {
  it('takes each step\'s median over the sign-ins that reached it, and the commonest source', () => {
    const timelines = [180, 250, 900].map((rowsAt, index) =>
      timelineOf(probe({ firstRowAt: 1000 + rowsAt, marks: index === 2 ? { [STARTUP_MARKS.firstPageFromSocket]: 1500 } : probe().marks })),
    );
    expect(medianTimeline(timelines)).toMatchObject({ rowsMs: 250, firstPageSource: 'sign-in', screensMs: 100, firstPageMs: 100 });
  });
});

describe('timelineFigures', () => {
  it('gives each step a row, the rows in the DOM held to the target', () => {
    const figures = timelineFigures('1m', '1M messages', timelineOf(probe()));
    expect(figures.map((figure) => figure.key)).toEqual([
      '1m.startup.screens', '1m.startup.socketConnected', '1m.startup.sessionAnswered', '1m.startup.pageRequested',
      '1m.startup.pageAnswered', '1m.startup.firstPage', '1m.startup.rows', '1m.startup.painted',
    ]);
    const rows = figures.find((figure) => figure.key === '1m.startup.rows')!;
    expect(rows).toMatchObject({ value: 180, target: FOOTPRINT_TARGETS.firstRowsMs });
    expect(meetsTarget(rows)).toBe(true);
    expect(figures.find((figure) => figure.key === '1m.startup.firstPage')!.label).toContain('(from sign-in)');
    expect(figures.filter((figure) => figure.target !== null)).toHaveLength(1);
  });
});
