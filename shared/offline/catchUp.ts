// Catch-up after a (re)connect: ask the server for everything after the last position this
// app saw, page by page, hand each page to the app, and only then remember the new position —
// so a crash between the two repeats a page (the app drops what it already holds) instead of
// skipping one. Plain TypeScript, shared by the renderer and the fault-injection test.
import type { AppError, Result } from '../result';

export interface CatchUpPage<Position> {
  position: Position;
  hasMore: boolean;
}

export interface PositionStore<Position> {
  load(): Promise<Position | null>;
  save(position: Position): Promise<void>;
}

export interface CatchUpOptions<Position, Page extends CatchUpPage<Position>> {
  fetch(since: Position | null): Promise<Result<Page>>;
  /** Applies one page; messages in it may already be known from pushes. */
  apply(page: Page, since: Position | null): void | Promise<void>;
  positions: PositionStore<Position>;
}

export type CatchUpOutcome = { pages: number; error: AppError | null };

export interface CatchUp {
  /** Runs until caught up or a request fails. Calls while running queue one more run. */
  run(): Promise<CatchUpOutcome>;
}

export function createCatchUp<Position, Page extends CatchUpPage<Position>>(
  options: CatchUpOptions<Position, Page>,
): CatchUp {
  let running: Promise<CatchUpOutcome> | null = null;
  let again = false;

  const once = async (): Promise<CatchUpOutcome> => {
    let since: Position | null = await options.positions.load();
    let pages = 0;
    for (;;) {
      const result = await options.fetch(since);
      if (!result.ok) return { pages, error: result.error };
      await options.apply(result.data, since);
      await options.positions.save(result.data.position);
      since = result.data.position;
      pages += 1;
      if (!result.data.hasMore) return { pages, error: null };
    }
  };

  return {
    async run() {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        let outcome: CatchUpOutcome;
        do {
          again = false;
          outcome = await once();
        } while (again && outcome.error === null);
        return outcome;
      })();
      try {
        return await running;
      } finally {
        running = null;
      }
    },
  };
}
