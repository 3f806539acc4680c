import { existsSync } from 'node:fs';
import mongoose, { type Connection } from 'mongoose';

/**
 * Where the MongoDB adapters can be tested: `MONGODB_URI` (a replica set), else a container when
 * a container runtime is visible. Decided synchronously, so an absent server skips the MongoDB
 * suites by name instead of letting them pass without running.
 */
export const mongoSkipReason: string | undefined =
  process.env['MONGODB_URI'] || process.env['DOCKER_HOST'] || existsSync('/var/run/docker.sock')
    ? undefined
    : 'no MONGODB_URI and no container runtime';

export interface TestMongo {
  connect(dbName: string): Promise<Connection>;
  stop(): Promise<void>;
}

export async function startTestMongo(): Promise<TestMongo> {
  const connections: Connection[] = [];
  let uri = process.env['MONGODB_URI'];
  let stopContainer = async (): Promise<void> => undefined;
  if (!uri) {
    const { MongoDBContainer } = await import('@testcontainers/mongodb');
    const container = await new MongoDBContainer('mongo:7.0').start();
    uri = `${container.getConnectionString()}?directConnection=true`;
    stopContainer = async () => void (await container.stop());
  }
  const base = uri;
  return {
    async connect(dbName) {
      const connection = await mongoose.createConnection(base, { dbName }).asPromise();
      connections.push(connection);
      return connection;
    },
    async stop() {
      await Promise.all(connections.map((connection) => connection.close()));
      await stopContainer();
    },
  };
}
