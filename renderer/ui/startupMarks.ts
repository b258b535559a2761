// Sets the startup marks (shared/startupMarks.ts): the first time only, so later reconnects
// and pages leave the first load's timeline as it was. Costs a lookup; never throws.
import type { StartupMark } from '../../shared/startupMarks';

export function markStartup(name: StartupMark): void {
  try {
    if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
  } catch {
    // A page without the User Timing API measures nothing; the app works the same.
  }
}
