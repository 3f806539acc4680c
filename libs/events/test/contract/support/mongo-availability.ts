import { spawnSync } from 'node:child_process';

export const MONGO_SKIP_MESSAGE = 'MongoDB adapter: skipped (no Docker, no MONGODB_URI)';
const NO_RUNTIME = 'Could not find a working container runtime strategy';

export type MongoSource = { kind: 'uri'; uri: string } | { kind: 'docker' } | { kind: 'none' };

/**
 * Decided synchronously, before any test is declared, so a missing server shows up as a named
 * skip instead of a pass. Without Docker, testcontainers fails fast (~0.25 s) with NO_RUNTIME;
 * any other failure is a broken set-up and is thrown, not skipped.
 */
export function findMongo(): MongoSource {
  if (process.env.MONGODB_URI) return { kind: 'uri', uri: process.env.MONGODB_URI };
  const probe = spawnSync(
    process.execPath,
    ['-e', "require('testcontainers').getContainerRuntimeClient().then(() => process.exit(0), (e) => { console.error(e.message); process.exit(1); })"],
    { encoding: 'utf8', timeout: 30_000 },
  );
  if (probe.status === 0) return { kind: 'docker' };
  if (probe.stderr.includes(NO_RUNTIME)) return { kind: 'none' };
  throw new Error(`Probing for Docker failed: ${probe.stderr || probe.error}`);
}

/** The same server, another database: each contract location gets an empty one. */
export function withDatabase(uri: string, database: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(\/[^?]*)?(\?.*)?$/.exec(uri);
  if (!match) throw new Error(`Not a MongoDB URI: ${uri}`);
  return `${match[1]}/${database}${match[3] ?? ''}`;
}
