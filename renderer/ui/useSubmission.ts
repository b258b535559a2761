// One settings form's submission: pending while it runs (a second submit meanwhile is ignored),
// then either the error to show or what was saved.
import { useCallback, useRef, useState } from 'react';

export type SubmissionOutcome = { saved: string } | { error: string };

export function useSubmission() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const running = useRef(false);

  /** A problem found before sending: shown, nothing sent. */
  const fail = useCallback((message: string) => {
    setSaved(null);
    setError(message);
  }, []);

  const run = useCallback(async (work: () => Promise<SubmissionOutcome>) => {
    if (running.current) return;
    running.current = true;
    setPending(true);
    setSaved(null);
    setError(null);
    const outcome = await work();
    running.current = false;
    setPending(false);
    if ('error' in outcome) setError(outcome.error);
    else setSaved(outcome.saved);
  }, []);

  return { pending, error, saved, fail, run };
}
