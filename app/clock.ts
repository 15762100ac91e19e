import type { Clock } from '../core/ports/index.js';

/**
 * The process's clock: the real time, or the real time moved by a fixed offset (CLOCK_AT in
 * development and tests). Worker threads get the same offset, so every part of a run agrees
 * on what moment it is.
 */
export interface OffsetClock extends Clock {
  /** Milliseconds this clock runs ahead of the real time (negative: behind). */
  readonly offsetMs: number;
}

export function offsetClock(offsetMs = 0): OffsetClock {
  return { offsetMs, now: () => new Date(Date.now() + offsetMs) };
}

/** A clock that starts at `at` now and runs on in real time; the real clock when `at` is undefined. */
export function clockStartingAt(at: Date | undefined): OffsetClock {
  return offsetClock(at ? at.getTime() - Date.now() : 0);
}
