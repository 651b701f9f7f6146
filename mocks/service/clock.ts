// Time as the mock sees it: the system clock, or one a test moves by hand so that tokens expire on demand.
/** Where the mock reads the time (token expiry, timestamps): the system clock by default, a ManualClock in tests. */
export interface Clock {
  /** Milliseconds since the epoch, as `Date.now()`. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock that moves only when told: pass it as the mock's `clock` to expire tokens on demand.
 * @example
 * ```ts
 * const clock = new ManualClock();
 * const { server } = setupMockServer({ clock });
 * clock.advance(16 * 60_000); // every application token has expired
 * ```
 */
export class ManualClock implements Clock {
  /**
   * A clock stopped at `current` until `advance` or `set` moves it.
   * @param current The time in milliseconds since the epoch; by default 2026-11-24T10:00:00Z.
   */
  constructor(private current: number = Date.parse('2026-11-24T10:00:00Z')) {}
  /** The clock's time, in milliseconds since the epoch. */
  now(): number {
    return this.current;
  }
  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void {
    this.current += ms;
  }
  /** Sets the clock to a time, in milliseconds since the epoch or as a Date. */
  set(time: number | Date): void {
    this.current = typeof time === 'number' ? time : time.getTime();
  }
}
