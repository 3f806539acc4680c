import { nextIdleMs, onPollGrid } from './runner-options';

describe('nextIdleMs', () => {
  const options = { pollIntervalMs: 10, maxPollIntervalMs: 1000, activeWindowMs: 10_000 };

  it('should keep polling at the shortest interval while the last event is recent', () => {
    expect(nextIdleMs(10, 0, options)).toBe(10);
    expect(nextIdleMs(10, 9_999, options)).toBe(10);
  });

  it('should double the pause once events have stopped for the active window, up to the longest', () => {
    expect(nextIdleMs(10, 10_000, options)).toBe(20);
    expect(nextIdleMs(640, 60_000, options)).toBe(1000);
    expect(nextIdleMs(1000, 60_000, options)).toBe(1000);
  });

  it('should start from the shortest interval when it has never been busy', () => {
    expect(nextIdleMs(0, Number.POSITIVE_INFINITY, options)).toBe(10);
  });
});

describe('onPollGrid', () => {
  it('should end the pause on the next multiple of the interval, so runners that pause at different moments wake together', () => {
    expect([1_000_003, 1_000_009].map((now) => now + onPollGrid(10, now))).toEqual([1_000_010, 1_000_010]);
    expect(onPollGrid(10, 1_000_000)).toBe(10);
  });
});
