// Where the time from the sign-in answer to the first conversation rows goes: each step of the
// staff app's startup as milliseconds after the sign-in answer, read from one page's probe (the
// app's own startup marks and the probe's DOM and paint times). Pure, so it is unit-tested.
import { STARTUP_MARKS, type StartupMark } from '../../../shared/startupMarks';
import type { Figure } from '../report';
import { percentile } from '../stats';
import { FOOTPRINT_TARGETS } from './figures';

/** What the timeline reads of a page's probe (renderer.ts). */
export type TimelineProbe = {
  signInAnsweredAt: number | null;
  firstRowAt: number | null;
  firstRowPaintedAt: number | null;
  marks: Partial<Record<StartupMark, number>>;
};

export type FirstPageSource = 'sign-in' | 'socket' | 'cache';

/** Milliseconds after the sign-in answer; null for a step that did not happen (yet). */
export type FirstRowsTimeline = {
  screensMs: number | null;
  socketConnectedMs: number | null;
  sessionAnsweredMs: number | null;
  pageRequestedMs: number | null;
  pageAnsweredMs: number | null;
  /** The first page's rows were in the app, from `firstPageSource`. */
  firstPageMs: number | null;
  firstPageSource: FirstPageSource | null;
  /** The first row entered the DOM: the figure held to its target. */
  rowsMs: number | null;
  paintedMs: number | null;
};

const SOURCES: readonly [FirstPageSource, StartupMark][] = [
  ['sign-in', STARTUP_MARKS.firstPageFromSignIn],
  ['socket', STARTUP_MARKS.firstPageFromSocket],
  ['cache', STARTUP_MARKS.firstPageFromCache],
];

export function timelineOf(probe: TimelineProbe): FirstRowsTimeline {
  const start = probe.signInAnsweredAt;
  const after = (at: number | null | undefined) => (start === null || at === null || at === undefined ? null : at - start);
  const firstPage = SOURCES.map(([source, mark]) => ({ source, at: probe.marks[mark] }))
    .filter((entry): entry is { source: FirstPageSource; at: number } => entry.at !== undefined)
    .sort((a, b) => a.at - b.at)[0];
  return {
    screensMs: after(probe.marks[STARTUP_MARKS.signedInScreens]),
    socketConnectedMs: after(probe.marks[STARTUP_MARKS.socketConnected]),
    sessionAnsweredMs: after(probe.marks[STARTUP_MARKS.sessionAnswered]),
    pageRequestedMs: after(probe.marks[STARTUP_MARKS.firstPageRequested]),
    pageAnsweredMs: after(probe.marks[STARTUP_MARKS.firstPageAnswered]),
    firstPageMs: after(firstPage?.at),
    firstPageSource: firstPage?.source ?? null,
    rowsMs: after(probe.firstRowAt),
    paintedMs: after(probe.firstRowPaintedAt),
  };
}

const median = (values: readonly (number | null)[]): number | null => {
  const known = values.filter((value): value is number => value !== null).sort((a, b) => a - b);
  return known.length === 0 ? null : percentile(known, 50);
};

/** Each step's median over several sign-ins (and the source most of them drew from). */
export function medianTimeline(timelines: readonly FirstRowsTimeline[]): FirstRowsTimeline {
  const of = (pick: (timeline: FirstRowsTimeline) => number | null) => median(timelines.map(pick));
  const sources = timelines.map((timeline) => timeline.firstPageSource).filter((source) => source !== null);
  const commonest = [...new Set(sources)].sort((a, b) => sources.filter((s) => s === b).length - sources.filter((s) => s === a).length)[0];
  return {
    screensMs: of((timeline) => timeline.screensMs),
    socketConnectedMs: of((timeline) => timeline.socketConnectedMs),
    sessionAnsweredMs: of((timeline) => timeline.sessionAnsweredMs),
    pageRequestedMs: of((timeline) => timeline.pageRequestedMs),
    pageAnsweredMs: of((timeline) => timeline.pageAnsweredMs),
    firstPageMs: of((timeline) => timeline.firstPageMs),
    firstPageSource: commonest ?? null,
    rowsMs: of((timeline) => timeline.rowsMs),
    paintedMs: of((timeline) => timeline.paintedMs),
  };
}

const STEPS: readonly [keyof FirstRowsTimeline & `${string}Ms`, string][] = [
  ['screensMs', 'signed-in screens in the DOM'],
  ['socketConnectedMs', 'socket connected'],
  ['sessionAnsweredMs', 'session:get answered'],
  ['pageRequestedMs', 'first page asked over the socket'],
  ['pageAnsweredMs', 'first page answered over the socket'],
  ['firstPageMs', 'first page in the app'],
  ['rowsMs', 'first rows in the DOM'],
  ['paintedMs', 'first rows painted'],
];

/** One row per step, "ms after the sign-in answer"; the rows in the DOM carry the target. */
export function timelineFigures(key: string, label: string, timeline: FirstRowsTimeline): Figure[] {
  return STEPS.map(([step, name]) => ({
    key: `${key}.startup.${step.replace(/Ms$/, '')}`,
    label: `${label}: sign-in answer → ${name}${step === 'firstPageMs' && timeline.firstPageSource ? ` (from ${timeline.firstPageSource})` : ''}`,
    unit: 'ms',
    value: timeline[step],
    better: 'lower',
    baseline: null,
    target: step === 'rowsMs' ? FOOTPRINT_TARGETS.firstRowsMs : null,
  }));
}
