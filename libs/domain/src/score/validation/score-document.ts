import { measureLength } from '../../music/duration';
import type { TimeSignature } from '../../music/music.types';
import type { EndBarline, Measure, Part, Score, StartBarline } from '../model/score.types';
import { requireInstrument } from '../decide/part.builder';
import { requireFresh } from '../queries/ids';
import { idsInMeasure } from '../queries/ids';
import {
  FirstMeasureMustHaveTimeAndKeySignature,
  IdsMustBeUnique,
  ScoreDocumentMustBeWellFormed,
  StaffCountMustMatchInstrument,
} from '../rules/rule-errors';
import { requireKeySignature, requireTempo, requireTimeSignature } from './attributes';
import { partMeasureOf, requireArray, requireObject } from './document-content';
import { checkCrossMeasureRules } from './document-links';
import { requireClientId } from './ids';
import { INFO_FIELDS, requireInfoField, requireIrregularLength } from './score-info';
import { requireInteger, requireOneOf, requireText } from './values';

export type ScoreDocument = Omit<Score, 'ownerId' | 'createdAt'>;

const MAX_MEASURES = 5000;

function partOf(value: unknown, i: number): Part {
  const raw = requireObject(`parts[${i}]`, value);
  const instrument = requireInstrument(raw.instrumentId);
  const id = requireClientId(`parts[${i}].id`, raw.id);
  if (raw.staves !== instrument.staves) {
    throw new StaffCountMustMatchInstrument({ partId: id, staves: raw.staves as number, instrumentStaves: instrument.staves });
  }
  return {
    id,
    name: requireText('name', raw.name, { max: 100 }),
    abbreviation: requireText('abbreviation', raw.abbreviation, { allowEmpty: true, max: 20 }),
    instrumentId: instrument.id,
    staves: instrument.staves,
  };
}

function voltaOf(value: unknown): Measure['volta'] {
  if (value === null) return null;
  const numbers = requireArray('volta.numbers', requireObject('volta', value).numbers, 1, 10).map((n) =>
    requireInteger('volta number', n, 1, 20),
  );
  return { numbers: [...new Set(numbers)].sort((a, b) => a - b) };
}

function measureOf(value: unknown, i: number, parts: readonly Part[], inForce: TimeSignature | null): Measure {
  const raw = requireObject(`measures[${i}]`, value);
  const id = requireClientId(`measures[${i}].id`, raw.id);
  const timeSignature = raw.timeSignature === null ? null : requireTimeSignature(raw.timeSignature);
  const keySignature = raw.keySignature === null ? null : requireKeySignature(raw.keySignature);
  if (i === 0 && (timeSignature === null || keySignature === null)) throw new FirstMeasureMustHaveTimeAndKeySignature({ measureId: id });
  const ts = (timeSignature ?? inForce) as TimeSignature;
  const length = raw.length === null ? null : requireIrregularLength(id, raw.length, ts);
  const content = requireObject(`measures[${i}].content`, raw.content);
  if (Object.keys(content).length !== parts.length || parts.some((p) => !(p.id in content))) {
    throw new ScoreDocumentMustBeWellFormed({ path: `measures[${i}].content`, problem: 'must hold exactly one entry per part' });
  }
  const frame = { measureId: id, length: length ?? measureLength(ts) };
  const measure: Measure = {
    id,
    timeSignature,
    keySignature,
    length,
    tempo: raw.tempo === null ? null : requireTempo(raw.tempo),
    startBarline: requireOneOf<StartBarline>('startBarline', raw.startBarline, ['regular', 'repeat-start']),
    endBarline: requireOneOf<EndBarline>('endBarline', raw.endBarline, ['regular', 'double', 'final', 'repeat-end']),
    volta: voltaOf(raw.volta),
    rehearsalMark: raw.rehearsalMark === null ? null : requireText('rehearsalMark', raw.rehearsalMark, { max: 20 }),
    content: Object.fromEntries(parts.map((p) => [p.id, partMeasureOf(content[p.id], `measures[${i}].content.${p.id}`, p, frame)])),
  };
  const count = [...idsInMeasure(measure)].length;
  if (count !== countIds(measure)) throw new IdsMustBeUnique({ id: `(in measure ${id})`, scope: 'measure' });
  return measure;
}

function countIds(measure: Measure): number {
  let n = 0;
  for (const pm of Object.values(measure.content)) {
    n += pm.chordSymbols.length;
    for (const s of pm.staves) {
      n += s.dynamics.length + s.hairpins.length + s.slurs.length + s.texts.length;
      for (const v of s.voices) for (const e of v) n += 1 + (e.kind === 'chord' ? e.notes.length : 0);
    }
  }
  return n;
}

/** Checks a whole score document by the rules edits obey, and returns it normalised (clean values, sorted marks). */
export function validateScoreDocument(input: unknown): ScoreDocument {
  const doc = requireObject('score', input);
  const scoreId = requireClientId('scoreId', doc.scoreId);
  const info = Object.fromEntries(INFO_FIELDS.map((f) => [f, requireInfoField(f, doc[f])]));
  const parts = requireArray('parts', doc.parts, 1, 100).map(partOf);
  const rawMeasures = requireArray('measures', doc.measures, 1, MAX_MEASURES);
  const measures: Measure[] = [];
  let inForce: TimeSignature | null = null;
  rawMeasures.forEach((raw, i) => {
    const m = measureOf(raw, i, parts, inForce);
    inForce = m.timeSignature ?? inForce;
    measures.push(m);
  });
  requireFresh(new Set(), [scoreId, ...parts.map((p) => p.id), ...measures.map((m) => m.id)], 'score');
  const score = { scoreId, ...(info as Pick<Score, (typeof INFO_FIELDS)[number]>), parts, measures };
  checkCrossMeasureRules(score);
  return score;
}
