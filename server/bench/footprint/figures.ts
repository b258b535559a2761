// The desktop footprint's figures: what one workspace's run measured, turned into the bench's
// rows, each with its target. Pure, so the shape and the targets are unit-tested.
import type { Figure } from '../report';

/** What the product asks of the desktop app on a reception computer. */
export const FOOTPRINT_TARGETS = {
  /** Sign-in answer → first conversation rows drawn, at 1M messages. */
  firstRowsMs: 300,
  /** Renderer JS heap after a forced GC, at every stage. */
  heapMb: 30,
  /** Renderer JS heap growth over the working day. */
  heapGrowthMb: 5,
  /** The embedded server's memory, idle and after the day. */
  serverIdleMb: 90,
  serverAfterDayMb: 150,
} as const;

export type Stage = 'load' | 'opened' | 'day';

export type StageSample = {
  /** Renderer JS heap used after a forced GC, MB. */
  heapMb: number | null;
  /** DOM nodes in the renderer (CDP Performance.getMetrics "Nodes"). */
  domNodes: number | null;
  /** The whole browser process tree's PSS, MB. */
  browserPssMb: number | null;
};

export type WorkspaceRun = {
  /** Key prefix and label: `demo`, `1m`. */
  key: string;
  label: string;
  firstRowsMs: number | null;
  /** Of the time to the first rows: sign-in answer → socket opened → first inbox page answered. */
  firstRowsParts: { toSocketMs: number | null; toFirstPageMs: number | null };
  stages: Record<Stage, StageSample>;
  /** Long tasks in the renderer from sign-in to the end of the day. */
  longTasks: { count: number; totalMs: number };
  server: { idle: { pssMb: number | null; rssMb: number | null }; day: { pssMb: number | null; rssMb: number | null } };
  day: { clientMessages: number; conversations: number; replies: number; opens: number; notifications: number };
};

const STAGE_LABEL: Record<Stage, string> = { load: 'after load', opened: 'after opening 50 conversations', day: 'after the day' };

function row(key: string, label: string, unit: string, value: number | null, target: number | null = null, better: Figure['better'] = 'lower'): Figure {
  return { key, label, unit, value, better, baseline: null, target };
}

export const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

export function footprintFigures(run: WorkspaceRun): Figure[] {
  const { key, label } = run;
  const figures: Figure[] = [
    row(`${key}.firstRows`, `${label}: sign-in answer → first rows`, 'ms', run.firstRowsMs, FOOTPRINT_TARGETS.firstRowsMs),
    row(`${key}.firstRows.toSocket`, `${label}:   of which sign-in answer → socket opened`, 'ms', run.firstRowsParts.toSocketMs),
    row(`${key}.firstRows.toFirstPage`, `${label}:   of which socket opened → first page answered`, 'ms', run.firstRowsParts.toFirstPageMs),
  ];
  for (const stage of ['load', 'opened', 'day'] as const) {
    figures.push(row(`${key}.heap.${stage}`, `${label}: renderer JS heap ${STAGE_LABEL[stage]}`, 'MB', run.stages[stage].heapMb, FOOTPRINT_TARGETS.heapMb));
  }
  figures.push(
    row(`${key}.heap.dayGrowth`, `${label}: renderer JS heap growth over the day`, 'MB', minus(run.stages.day.heapMb, run.stages.opened.heapMb), FOOTPRINT_TARGETS.heapGrowthMb),
  );
  for (const stage of ['load', 'opened', 'day'] as const) {
    figures.push(row(`${key}.dom.${stage}`, `${label}: DOM nodes ${STAGE_LABEL[stage]}`, 'nodes', run.stages[stage].domNodes));
  }
  figures.push(
    row(`${key}.longTasks.count`, `${label}: long tasks, sign-in to end of day`, 'tasks', run.longTasks.count),
    row(`${key}.longTasks.total`, `${label}: long tasks' total time`, 'ms', run.longTasks.totalMs),
    row(`${key}.browser.load`, `${label}: browser process tree PSS after load`, 'MB', run.stages.load.browserPssMb),
    row(`${key}.browser.day`, `${label}: browser process tree PSS after the day`, 'MB', run.stages.day.browserPssMb),
    // The targets hold RSS, the stricter figure: PSS shares the Node binary's pages with every
    // other Node process on the machine, so it shrinks with theirs.
    row(`${key}.server.idle.rss`, `${label}: server RSS idle`, 'MB', run.server.idle.rssMb, FOOTPRINT_TARGETS.serverIdleMb),
    row(`${key}.server.idle.pss`, `${label}: server PSS idle`, 'MB', run.server.idle.pssMb),
    row(`${key}.server.day.rss`, `${label}: server RSS after the day`, 'MB', run.server.day.rssMb, FOOTPRINT_TARGETS.serverAfterDayMb),
    row(`${key}.server.day.pss`, `${label}: server PSS after the day`, 'MB', run.server.day.pssMb),
  );
  return figures;
}

/** One line saying what the day was, for the run's notes. */
export function describeDay(run: WorkspaceRun): string {
  const { day } = run;
  return `${run.label}: the day sent ${day.clientMessages} client messages across ${day.conversations} conversations; the staff page opened ${day.opens} and replied ${day.replies} times; ${day.notifications} notifications shown.`;
}
