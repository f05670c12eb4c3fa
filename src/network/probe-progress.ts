/** What a run waits on, told as it goes; the CLI draws it (taze's callbacks), the core never touches the terminal. */
export interface ProbeProgress {
  /** The next `total` waits are the run's probes, counted as done/total. */
  expect(total: number): void;
  /** Waiting begins on `what` (`desktop:11434`); the function returned says the answer came. */
  waitingOn(what: string): () => void;
}
