/**
 * A per-message record of the steps with side effects (creating a live, sending each reply), so a message run
 * again after an instance died — the durable queue delivers at least once — does not repeat what already happened.
 * In one process there is no re-run, and the journal remembers nothing.
 */

export type StepState =
  /** First time this step runs for this message. */
  | { state: 'new' }
  /** A previous run finished it, with this result. */
  | { state: 'done'; value: string }
  /** A previous run started it and died before finishing: it may or may not have happened. */
  | { state: 'interrupted' };

export interface Journal {
  /** Marks `step` as started and says what earlier runs of the same message did with it. */
  begin(step: string): Promise<StepState>;
  /** Records that `step` finished with `value`. */
  finish(step: string, value: string): Promise<void>;
}

/** The journal of a single process: every step is new. */
export const NO_JOURNAL: Journal = {
  begin: async () => ({ state: 'new' }),
  finish: async () => undefined,
};
