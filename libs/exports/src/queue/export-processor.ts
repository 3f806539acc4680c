import type { Score } from '@bandpro/domain';
import type { ExportRenderers } from '../render/export-renderers';
import { renderExport } from '../render/render-export';
import type { ExportStorage } from '../storage/export-storage.port';
import type { ExportProcessor } from './export-queue.port';

/** The score as of a version; throws ExportRequestError when there is no such score or version. */
export type ScoreAtVersion = (scoreId: string, version: number) => Promise<Score>;

export interface ExportProcessorDependencies {
  loadScore: ScoreAtVersion;
  renderers: ExportRenderers;
  storage: ExportStorage;
}

/** Load the score at the asked version, render, store: the same steps in the API and in the projector's worker. */
export function createExportProcessor({ loadScore, renderers, storage }: ExportProcessorDependencies): ExportProcessor {
  return async (exportId, request, onProgress) => {
    await onProgress(0);
    const score = await loadScore(request.scoreId, request.version);
    await onProgress(10);
    const file = await renderExport(score, request, renderers, (done) => onProgress(10 + Math.round(done * 80)));
    const extension = file.fileName.slice(file.fileName.lastIndexOf('.') + 1);
    const stored = await storage.put(`${exportId}.${extension}`, file);
    await onProgress(100);
    return stored;
  };
}
