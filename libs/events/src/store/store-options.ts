import type { StoredEvent } from '../envelope';
import type { UpcasterChain } from '../upcasting/upcaster-chain';

/**
 * Runs inside an append's transaction, after its events are written and before they commit.
 * Throwing aborts that append only (its neighbours in the same group commit still commit), which
 * makes it the place for cross-stream checks and for injecting failures in tests. It may run more
 * than once for one append (SQLite runs a group again when a neighbour fails mid-write), so it
 * must have no effect outside the transaction.
 */
export interface AppendHooks {
  beforeCommit?(events: readonly StoredEvent[]): void;
}

/** What every adapter accepts besides its connection settings. */
export interface EventStoreOptions {
  /** Applied on every read; also stamps the schema version of new events that give none. */
  upcasters?: UpcasterChain;
  /** The server clock for `recordedAt`; injectable so tests can pin it. */
  clock?: () => Date;
  hooks?: AppendHooks;
}
