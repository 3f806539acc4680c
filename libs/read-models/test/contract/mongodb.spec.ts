import { MongoReadModelStore } from '../../src';
import { describeReadModelStoreContract } from './read-model-store.contract';

// MongoDB needs a replica set (transactions); no server or Docker runs on the dev machines.
const uri = process.env['MONGODB_URI'];

if (uri) {
  describeReadModelStoreContract('MongoDB', async (clock) => {
    const dbName = `bandpro_rm_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const store = await MongoReadModelStore.connect(withDatabase(uri, dbName), { clock });
    return { store, dispose: () => store.close() };
  });
} else {
  // Straight to the terminal: Jest drops console output of suites whose tests all skip.
  process.stdout.write('MongoDB read model store: skipped (no MONGODB_URI)\n');
  describe.skip('ReadModelStore contract: MongoDB (skipped: no MONGODB_URI)', () => {
    it('needs MONGODB_URI pointing at a replica set', () => undefined);
  });
}

function withDatabase(base: string, dbName: string): string {
  const url = new URL(base);
  url.pathname = `/${dbName}`;
  return url.toString();
}
