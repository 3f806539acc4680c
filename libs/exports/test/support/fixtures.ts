import { scoreOf, type ActiveScoreState, type Score } from '@bandpro/domain';
import { createScore, M, PART_1, PART_2, run } from '@bandpro/domain/testing';
import type { ExportRenderers, ExportRequest } from '../../src';

/** "Blue Bossa": a trumpet and a tenor sax, two bars. */
export function blueBossa(): Score {
  const created = createScore({
    title: 'Blue Bossa',
    measureIds: M.slice(0, 2),
    parts: [{ partId: PART_1, instrumentId: 'trumpet-bb' }, { partId: PART_2, instrumentId: 'tenor-sax' }],
  });
  return scoreOf(run([created]).state as ActiveScoreState);
}

export function request(overrides: Partial<ExportRequest> = {}): ExportRequest {
  return { scoreId: 'score-1', version: 1, formats: ['pdf'], parts: 'score', concertPitch: false, pageSize: 'A4', ...overrides };
}

export interface RenderCall {
  format: string;
  partIds?: readonly string[];
  concertPitch?: boolean;
  pageSize?: string;
}

/**
 * Renderers that write what they were asked for into the file, so a test reads back which
 * function made each file and with which options (the real ones are exercised by the API's e2e test).
 */
export function recordingRenderers(svgPageCount = 1): ExportRenderers & { calls: RenderCall[] } {
  const calls: RenderCall[] = [];
  const text = (call: RenderCall) => {
    calls.push(call);
    return JSON.stringify(call);
  };
  const bytes = (call: RenderCall) => new TextEncoder().encode(text(call));
  return {
    calls,
    exportMusicXml: (_score, o) => text({ format: 'musicxml', partIds: o.partIds, concertPitch: o.concertPitch }),
    exportMxl: (_score, o) => bytes({ format: 'mxl', partIds: o.partIds, concertPitch: o.concertPitch }),
    exportMidi: (_score, o) => bytes({ format: 'midi', partIds: o.partIds }),
    renderPdf: async (_score, o) => bytes({ format: 'pdf', partIds: o.partIds, concertPitch: o.concertPitch, pageSize: o.pageSize }),
    renderSvgPages: async (_score, o) => Array.from({ length: svgPageCount }, () => text({ format: 'svg', partIds: o.partIds, pageSize: o.pageSize })),
  };
}
