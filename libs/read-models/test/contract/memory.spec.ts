import { InMemoryReadModelStore } from '../../src';
import { describeReadModelStoreContract } from './read-model-store.contract';

describeReadModelStoreContract('in-memory', async (clock) => {
  const store = new InMemoryReadModelStore({ clock });
  return { store, dispose: () => store.close() };
});
