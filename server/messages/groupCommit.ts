// Group commit for message writes. Sends that arrive in the same turn of the event loop (every
// socket packet read in one I/O phase) are written in ONE transaction, and each is answered
// only after that transaction has committed — so an ack still means "durably stored", but many
// sends share one commit instead of paying for one each.
//
// Each send runs in its own savepoint inside the batch: a send that throws is rolled back alone
// and its caller gets the error, while the others in the batch commit. Sends run in arrival
// order, so messages keep their order within a conversation, and a send sees everything
// stored before it in the same batch (two copies of one client message id are stored once).

/** Runs `work` in a transaction (a savepoint when already inside one) and returns its value. */
export type Transact = <T>(work: () => T) => T;

export type GroupCommit = {
  /** Queues `work` for the current batch; settles once the batch has committed. */
  run<T>(work: () => T): Promise<T>;
};

/** Enough sends per transaction that the commit cost is spread thin, few enough that one
 * batch never holds the event loop for long. */
export const GROUP_COMMIT_MAX_BATCH = 256;

type Job = { work: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export type GroupCommitOptions = {
  maxBatch?: number;
  /** Runs after each batch that committed (e.g. to schedule follow-up work off the send path). */
  onCommitted?: () => void;
};

export function createGroupCommit(transact: Transact, { maxBatch = GROUP_COMMIT_MAX_BATCH, onCommitted }: GroupCommitOptions = {}): GroupCommit {
  let queue: Job[] = [];
  let scheduled = false;

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    // setImmediate runs after the poll phase: every packet read in this turn is queued by then.
    setImmediate(flush);
  }

  function flush(): void {
    scheduled = false;
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    if (queue.length > 0) schedule();

    const outcomes: Outcome[] = [];
    try {
      transact(() => {
        for (const job of batch) {
          try {
            outcomes.push({ ok: true, value: transact(job.work) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The commit itself failed: nothing of the batch is stored, so nobody may hear "stored".
      for (const job of batch) job.reject(error);
      return;
    }
    batch.forEach((job, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) job.resolve(outcome.value);
      else job.reject(outcome?.error);
    });
    onCommitted?.();
  }

  return {
    run<T>(work: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        schedule();
      });
    },
  };
}
