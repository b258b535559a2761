// The counts source starts from the counts the sign-in answered with and takes the server's own
// answer on connect in their place.
import { describe, expect, it } from 'vitest';
import type { LocationCounts } from '../../shared/triageEvents';
import { createCountsSource } from './inboxCountsSource';

const counts = (unreadOpen: number): LocationCounts[] => [{ locationId: 1, open: 4, mine: 0, unassigned: 4, snoozed: 0, done: 0, unreadOpen }];

/** A connection that is up, answering `conversation:counts` with `answer` when released. */
function connectedApi(answer: LocationCounts[]) {
  let release: () => void = () => undefined;
  const answered = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    release,
    api: {
      request: async () => {
        await answered;
        return { ok: true as const, data: { locations: answer } };
      },
      subscribe: () => () => undefined,
      whenConnected: (handler: () => void) => {
        handler();
        return () => undefined;
      },
    },
  } as const;
}

describe('createCountsSource', () => {
  it('shows the sign-in\'s counts until the server answers, then the server\'s', async () => {
    const { api, release } = connectedApi(counts(5));
    const source = createCountsSource(api as never, counts(2));
    expect(source.current()).toEqual(counts(2));
    const changed = new Promise<void>((resolve) => source.subscribe(resolve));
    expect(source.current()).toEqual(counts(2));
    release();
    await changed;
    expect(source.current()).toEqual(counts(5));
  });

  it('knows nothing before the first answer without them', () => {
    const { api } = connectedApi(counts(5));
    expect(createCountsSource(api as never).current()).toBeNull();
  });
});
