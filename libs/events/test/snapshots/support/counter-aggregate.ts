import type { NewEvent, StoredEvent } from '../../../src/envelope';

/** A tiny generic aggregate: a running total and the list of amounts, in order. */
export interface Counter {
  total: number;
  amounts: number[];
}

export const initialCounter = (): Counter => ({ total: 0, amounts: [] });

export function evolveCounter(state: Counter, event: StoredEvent): Counter {
  const { amount } = event.data as { amount: number };
  switch (event.type) {
    case 'Added':
      return { total: state.total + amount, amounts: [...state.amounts, amount] };
    case 'Subtracted':
      return { total: state.total - amount, amounts: [...state.amounts, -amount] };
    default:
      throw new Error(`Unknown event ${event.type}`);
  }
}

export function counterEvents(amounts: readonly number[]): NewEvent[] {
  return amounts.map((amount) => (amount >= 0 ? { type: 'Added', data: { amount } } : { type: 'Subtracted', data: { amount: -amount } }));
}

/** The state after the first `version` events, computed the slow, obvious way. */
export function expectedCounter(amounts: readonly number[], version: number): Counter {
  const taken = amounts.slice(0, version);
  return { total: taken.reduce((sum, n) => sum + n, 0), amounts: [...taken] };
}

/** Wraps the evolve so a test can count how many events a load replayed. */
export function countingEvolve(): { evolve: typeof evolveCounter; calls: () => number; reset: () => void } {
  let calls = 0;
  return {
    evolve: (state, event) => {
      calls += 1;
      return evolveCounter(state, event);
    },
    calls: () => calls,
    reset: () => void (calls = 0),
  };
}
