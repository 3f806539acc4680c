import { MongoDBContainer, type StartedMongoDBContainer } from '@testcontainers/mongodb';
import mongoose from 'mongoose';
import { MongoEventStore } from '../../src';
import { describeEventStoreContract } from './event-store.contract';
import { uniqueId } from './support/fixtures';
import { findMongo, MONGO_SKIP_MESSAGE, withDatabase } from './support/mongo-availability';

const source = findMongo();

if (source.kind === 'none') {
  // Straight to the terminal: Jest drops console output of suites whose tests all skip.
  process.stdout.write(`${MONGO_SKIP_MESSAGE}\n`);
  describe.skip(`EventStore contract: MongoDB — ${MONGO_SKIP_MESSAGE}`, () => {
    it('runs the contract against a MongoDB replica set', () => undefined);
  });
} else {
  let container: StartedMongoDBContainer | undefined;
  let serverUri = source.kind === 'uri' ? source.uri : '';

  beforeAll(async () => {
    if (source.kind !== 'docker') return;
    // A single-node replica set: transactions (G4) need one.
    container = await new MongoDBContainer('mongo:8.0').start();
    serverUri = container.getConnectionString();
  }, 180_000);
  afterAll(async () => {
    await container?.stop();
  });

  describeEventStoreContract('MongoDB', {
    multiProcess: true,
    async newLocation() {
      const mongodbUri = withDatabase(serverUri, uniqueId('bandpro_contract').replace(/-/g, '_'));
      return {
        shared: { mongodbUri },
        open: (options) => MongoEventStore.connect(mongodbUri, options),
        async dispose() {
          const connection = await mongoose.createConnection(mongodbUri).asPromise();
          await connection.dropDatabase();
          await connection.close();
        },
      };
    },
  });
}
