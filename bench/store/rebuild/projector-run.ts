import type { ActiveScoreState } from '@bandpro/domain';
import { createReadModelStore, type ReadModelStore } from '@bandpro/read-models';
import { setTimeout as sleep } from 'node:timers/promises';
import { isDeepStrictEqual } from 'node:util';
import { peakRssMb, spawnTs, stopChild, type TsChild } from '../../harness/child';
import { WorkloadCheckError } from '../appends/appender';
import type { RebuildDataset } from './rebuild-dataset';

/** The read models apps/projector keeps; readers query them by these names. */
export const PROJECTIONS = ['score-document', 'score-catalogue', 'score-access', 'score-library'] as const;
const POLL_MS = 50;
const TIMEOUT_MS = 240_000;

export interface RebuildRun {
  eventsPerS: number;
  peakRssMb: number;
}

/**
 * Starts the real projector process on a data dir holding events and no read models: it builds
 * every projection from position 0 into a new generation and swaps it in. Timed from the first
 * generation appearing (after Nest's start-up) to every projection being active at the head.
 */
export async function rebuildWithProjector(dataset: RebuildDataset, expected: ActiveScoreState): Promise<RebuildRun> {
  const env = { ...process.env, DATA_DIR: dataset.dataDir, MONGODB_URI: '', PROJECTOR_LAG_LOG_MS: '0' };
  const child = spawnTs('apps/projector/src/main.ts', env);
  let readModels: ReadModelStore | undefined;
  try {
    readModels = await createReadModelStore({ dataDir: dataset.dataDir });
    const startedAt = await until(child, () => anyGeneration(readModels as ReadModelStore));
    const doneAt = await until(child, () => allActiveAt(readModels as ReadModelStore, dataset.events));
    const rss = peakRssMb(child.process.pid as number);
    await checkReadModels(readModels, dataset, expected);
    return { eventsPerS: (dataset.events * 1000) / (doneAt - startedAt), peakRssMb: rss };
  } catch (error) {
    throw new WorkloadCheckError(`${(error as Error).message}\n--- projector output ---\n${child.tail()}`);
  } finally {
    await stopChild(child);
    await readModels?.close();
  }
}

/** Polls until `done` holds; returns when it was first seen. Fails if the child dies or it takes too long. */
async function until(child: TsChild, done: () => Promise<boolean>): Promise<number> {
  const deadline = performance.now() + TIMEOUT_MS;
  for (;;) {
    if (await done()) return performance.now();
    if (child.process.exitCode !== null) throw new Error(`the projector exited with code ${child.process.exitCode}`);
    if (performance.now() > deadline) throw new Error(`the projector did not get there in ${TIMEOUT_MS / 1000} s`);
    await sleep(POLL_MS);
  }
}

async function anyGeneration(store: ReadModelStore): Promise<boolean> {
  for (const name of PROJECTIONS) if ((await store.generations(name)).length > 0) return true;
  return false;
}

async function allActiveAt(store: ReadModelStore, head: number): Promise<boolean> {
  for (const name of PROJECTIONS) {
    if (((await store.activeGeneration(name))?.checkpoint.position ?? 0) < head) return false;
  }
  return true;
}

/** A fast projector that built the wrong thing would be no result at all. */
async function checkReadModels(store: ReadModelStore, dataset: RebuildDataset, expected: ActiveScoreState): Promise<void> {
  const document = await store.get('score-document', dataset.streamIds[0]);
  if (!isDeepStrictEqual(document, expected)) throw new Error('score-document of the first score differs from its generated state');
  // Every score has a catalogue row, an access list and a library document with its owner's entry.
  const expectedRows = { 'score-catalogue': 1, 'score-access': 1, 'score-library': 2 };
  for (const [collection, perScore] of Object.entries(expectedRows)) {
    const rows = await store.find(collection, { limit: dataset.streamIds.length * perScore + 1 });
    if (rows.length !== dataset.streamIds.length * perScore) {
      throw new Error(`${collection} holds ${rows.length} documents, expected ${dataset.streamIds.length * perScore}`);
    }
  }
}
