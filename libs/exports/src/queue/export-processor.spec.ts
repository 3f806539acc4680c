import { InMemoryEventStore, InMemorySnapshotStore } from '@bandpro/events';
import { AT, createScore, M, OWNER_ID, PART_1, run, SCORE_ID, writeNote, E, f, quarter } from '@bandpro/domain/testing';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordingRenderers, request } from '../../test/support/fixtures';
import { createScoreAggregateLoader, scoreAtVersion } from '../scores/score-at-version';
import { DownloadSigner } from '../signing/download-signer';
import { LocalDiskStorage } from '../storage/local-disk-storage';
import { createExportProcessor } from './export-processor';

const actor = { id: OWNER_ID, kind: 'user' as const };

async function storeWithScore(): Promise<InMemoryEventStore> {
  const store = new InMemoryEventStore();
  const { events } = run([createScore({ title: 'Blue Bossa', measureIds: M.slice(0, 2) }), writeNote(E[0], f(0), quarter)]);
  await store.append(SCORE_ID, events.slice(0, 1), { expectedVersion: 'any', commandId: 'c1', actor });
  await store.append(SCORE_ID, events.slice(1), { expectedVersion: 'any', commandId: 'c2', actor });
  return store;
}

describe('scoreAtVersion', () => {
  it('should replay the score as it was at the version asked', async () => {
    const load = scoreAtVersion(createScoreAggregateLoader(await storeWithScore(), new InMemorySnapshotStore()));
    const first = await load(SCORE_ID, 1);
    const second = await load(SCORE_ID, 2);
    const voice = (score: typeof first) => score.measures[0].content[PART_1].staves[0].voices[0];
    expect(first).toMatchObject({ scoreId: SCORE_ID, title: 'Blue Bossa', createdAt: AT });
    expect(JSON.stringify(voice(first))).not.toContain(E[0]);
    expect(JSON.stringify(voice(second))).toContain(E[0]);
    expect(first).not.toHaveProperty('measureIndex');
  });

  it('should refuse a version the score has not reached and a score that does not exist', async () => {
    const load = scoreAtVersion(createScoreAggregateLoader(await storeWithScore(), new InMemorySnapshotStore()));
    await expect(load(SCORE_ID, 3)).rejects.toMatchObject({ code: 'EXPORT_SCORE_NOT_FOUND', details: { scoreId: SCORE_ID, version: 3 } });
    await expect(load('missing', 1)).rejects.toMatchObject({ code: 'EXPORT_SCORE_NOT_FOUND' });
  });
});

describe('createExportProcessor', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'bandpro-export-processor-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('should load the score at the version asked, render it, store it under the export id and report progress to 100', async () => {
    const storage = new LocalDiskStorage(root, new DownloadSigner('processor-test-secret-0123'));
    const loadScore = scoreAtVersion(createScoreAggregateLoader(await storeWithScore(), new InMemorySnapshotStore()));
    const processor = createExportProcessor({ loadScore, renderers: recordingRenderers(), storage });
    const progress: number[] = [];
    const exportId = 'ab'.repeat(20);
    const stored = await processor(exportId, request({ scoreId: SCORE_ID, formats: ['midi', 'pdf'] }), (p) => {
      progress.push(p);
    });
    expect(stored).toMatchObject({ key: `${exportId}.zip`, fileName: 'Blue Bossa.zip', contentType: 'application/zip' });
    expect(statSync(join(root, stored.key)).size).toBe(stored.size);
    expect(progress).toEqual([0, 10, 50, 90, 100]);
  });
});
