import type { Measure, Part, ScoreDocument, ScoreInfo } from '@bandpro/domain';
import { buildPartContent } from './build-part';
import { measureFrames } from './frames';
import { matchInstrument } from './instrument-match';
import { placeMarks } from './marks';
import { applyMeasureLevel } from './measure-level';
import type { ReadPart } from './read.types';
import { type ImportReport, partLabel } from './report';
import { placeSlurs } from './slurs';

/** Draft ids, replaced by real ones once the document is complete (see assign-ids). */
export const draftPartId = (i: number) => `part:${i}`;
export const draftMeasureId = (i: number) => `measure:${i}`;

function partOf(read: ReadPart, i: number, report: ImportReport): Part {
  const { instrument, warning } = matchInstrument(read);
  if (warning) report.warn(warning, { part: partLabel(read.info) });
  const abbreviation = read.info.abbreviation.slice(0, 20);
  return {
    id: draftPartId(i),
    name: (read.info.name || instrument.name).slice(0, 100),
    abbreviation: read.info.abbreviation === '' && read.info.name === '' ? instrument.abbreviation : abbreviation,
    instrumentId: instrument.id,
    staves: instrument.staves,
  };
}

/** Lines the parts up measure by measure and builds the score document, with draft ids. */
export function assembleScore(info: ScoreInfo, reads: readonly ReadPart[], report: ImportReport): ScoreDocument {
  const frames = measureFrames(reads, report);
  const measureIds = frames.map((_, i) => draftMeasureId(i));
  const parts = reads.map((read, i) => partOf(read, i, report));
  const measures: Measure[] = frames.map((frame, i) => ({
    id: measureIds[i],
    timeSignature: frame.time,
    keySignature: frame.key,
    length: frame.irregular,
    tempo: null,
    startBarline: 'regular',
    endBarline: 'regular',
    volta: null,
    rehearsalMark: null,
    content: {},
  }));
  reads.forEach((read, p) => {
    const part = parts[p];
    const { content, placed } = buildPartContent(read, part, frames, report);
    placeMarks({ read, frames, content, measureIds, staves: part.staves, report }, placed);
    placeSlurs({ read, frames, content, measureIds, report }, placed);
    content.forEach((pm, i) => (measures[i].content[part.id] = pm));
  });
  applyMeasureLevel(reads, measures, report);
  return { scoreId: 'score', ...info, parts, measures };
}
