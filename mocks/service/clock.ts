// Time as the mock sees it: the system clock, or one a test moves by hand so that tokens expire on demand.
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export class ManualClock implements Clock {
  constructor(private current: number = Date.parse('2026-11-24T10:00:00Z')) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
  set(time: number | Date): void {
    this.current = typeof time === 'number' ? time : time.getTime();
  }
}
