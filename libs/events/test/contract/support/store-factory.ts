import type { EventStore, EventStoreOptions } from '../../../src';

/** How a child process reaches the same store: the options it passes to createEventStore. */
export interface SharedStoreSettings {
  dataDir?: string;
  mongodbUri?: string;
}

/** One empty place to keep events; every store opened on it sees the same events. */
export interface StoreLocation {
  open(options?: EventStoreOptions): Promise<EventStore>;
  /** Absent when the store lives inside one process (in-memory): the multi-process cases skip. */
  shared?: SharedStoreSettings;
  dispose(): Promise<void>;
}

export interface StoreFactory {
  /** True when stores in other OS processes can open the same location (`StoreLocation.shared`). */
  multiProcess: boolean;
  newLocation(): Promise<StoreLocation>;
}
