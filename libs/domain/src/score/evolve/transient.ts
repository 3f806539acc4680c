/*
 * Transient ownership for batch folds (as Clojure's transients or Immer's drafts). While `foldTransiently`
 * runs, the arrays and records the fold itself copied are owned, and a later event of the same fold writes
 * into them in place instead of copying the path to them again. Only the containers evolve's writers
 * (paths.ts) copy are ever owned, each put at one place in the working state: never the input state nor an
 * event's payload, and never an object (a measure, a staff) but only the arrays and records inside them.
 * The owned set is dropped when the fold returns, so no state anyone else can reach is ever written.
 * Outside a fold nothing is owned and every write copies: `evolve` on its own stays pure.
 */

let owned: Set<object> | null = null;

export function isOwned(container: object): boolean {
  return owned !== null && owned.has(container);
}

/** Marks a container the running fold has just created; outside a fold it does nothing. */
export function own<T extends object>(container: T): T {
  if (owned !== null) owned.add(container);
  return container;
}

/**
 * Folds `events` over `state` with `step`, which owns what it copies for the rest of this fold. Ownership is
 * on only while `step` runs, so code run by the iterable between steps (even an `evolve` of its own) copies
 * as usual, and a nested fold never writes into the outer fold's containers.
 */
export function foldTransiently<S, E>(state: S, events: Iterable<E>, step: (state: S, event: E) => S): S {
  const mine = new Set<object>();
  const outer = owned;
  let result = state;
  try {
    for (const event of events) {
      owned = mine;
      result = step(result, event);
      owned = outer;
    }
  } finally {
    owned = outer;
  }
  return result;
}
