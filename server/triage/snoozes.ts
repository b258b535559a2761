// Ends snoozes when their time comes: one timer for the soonest end, re-armed after every
// snooze and at start-up — so a snooze that ended while the server was down ends as it starts.
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { Pushes } from '../realtime/pushes';
import type { Repositories } from '../repositories';
import { endSnooze } from './triage';

export type Snoozes = {
  /** Looks again for the soonest snooze end (after a snooze was set or cleared). */
  reschedule(): void;
  stop(): void;
};

/** setTimeout's longest delay; a later end is reached in steps. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

export function startSnoozes({ repos, clock, log, pushes }: { repos: Repositories; clock: Clock; log: Logger; pushes: Pushes }): Snoozes {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  function endDue(): void {
    const now = clock.now();
    for (;;) {
      const due = repos.triage.dueSnoozes(now);
      if (due.length === 0) break;
      for (const conversationId of due) {
        const event = repos.transaction(() => endSnooze(repos, conversationId, now));
        const conversation = event ? repos.conversations.sharedSummary(conversationId) : null;
        if (event && conversation) pushes.triaged(conversation, event);
      }
    }
  }

  function arm(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    if (stopped) return;
    const next = repos.triage.nextSnoozeEnd();
    if (next === null) return;
    timer = setTimeout(run, Math.min(Math.max(0, next - clock.now()), LONGEST_TIMER_MS));
    timer.unref();
  }

  function run(): void {
    try {
      endDue();
    } catch (error) {
      log.error('Ending snoozes failed', { error: error instanceof Error ? error.message : String(error) });
    }
    arm();
  }

  run();
  return {
    reschedule: arm,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
