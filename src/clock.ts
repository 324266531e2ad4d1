/** A source of the current time, passed in so tests and the emulator can move time without patching Date. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to: for tests and the emulator's settable time. */
export class ManualClock implements Clock {
  constructor(private ms: number = Date.now()) {}
  /** Current time in ms. */
  now(): number {
    return this.ms;
  }
  /** Jumps to an absolute time (ms since the epoch). */
  set(ms: number): void {
    this.ms = ms;
  }
  /** Moves forward by `ms`. */
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** Real time shifted by an offset that can be set: the emulator's clock, so lives can be moved through their states. */
export class OffsetClock implements Clock {
  private offsetMs = 0;
  /** Current time in ms (real time plus the offset). */
  now(): number {
    return Date.now() + this.offsetMs;
  }
  /** Makes now() read `ms` at this instant; time keeps running from there. */
  set(ms: number): void {
    this.offsetMs = ms - Date.now();
  }
  /** Moves forward by `ms`. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
