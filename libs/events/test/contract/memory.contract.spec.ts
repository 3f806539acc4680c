import { InMemoryEventStore } from '../../src';
import { describeEventStoreContract } from './event-store.contract';

describeEventStoreContract('in-memory', {
  multiProcess: false,
  async newLocation() {
    return {
      open: async (options) => new InMemoryEventStore(options),
      // Nothing to clean up: the events die with the store.
      dispose: async () => undefined,
    };
  },
});
