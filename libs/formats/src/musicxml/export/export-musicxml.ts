import {
  getInstrument,
  type InstrumentDefinition,
  type KeySignature,
  negateInterval,
  type Part,
  pitchToMidi,
  type Score,
  type ScoreDocument,
  stateFromScore,
} from '@bandpro/domain';
import { MusicXmlError } from '../errors';
import { writeMxl } from '../io/mxl';
import { divisionsFor } from './divisions';
import { drumName } from './drums';
import type { PartExport, ScoreExport } from './export-context';
import { measureNode } from './measure-writer';
import { partSpanners } from './spanners';
import { el, leaf, serialise, type XmlNode } from './xml-writer';

export interface ExportMusicXmlOptions {
  /** Write sounding pitches (a concert score); by default transposing parts are written as their players read. */
  concertPitch?: boolean;
  /** Only these parts, in score order (default: all). */
  partIds?: readonly string[];
}

const DOCTYPE = '<!DOCTYPE score-partwise PUBLIC "-//Recordare//DTD MusicXML 4.0 Partwise//EN" "http://www.musicxml.org/dtds/partwise.dtd">';

function drumNotes(score: ScoreDocument, part: Part): number[] {
  const notes = new Set<number>();
  for (const m of score.measures) {
    for (const staff of m.content[part.id].staves) for (const v of staff.voices) for (const e of v) if (e.kind === 'chord') for (const n of e.notes) notes.add(pitchToMidi(n.pitch));
  }
  return [...notes].sort((a, b) => a - b);
}

function scoreInstruments(px: PartExport, score: ScoreDocument, channel: number): XmlNode[] {
  const { instrument } = px;
  if (!px.drums) {
    const id = `${px.xmlId}-I1`;
    return [
      el('score-instrument', { id }, leaf('instrument-name', instrument.name), leaf('instrument-sound', instrument.soundId)),
      el('midi-instrument', { id }, leaf('midi-channel', channel), leaf('midi-program', instrument.midiProgram)),
    ];
  }
  const notes = drumNotes(score, px.part);
  const kit = (midi: number | undefined): XmlNode[] => {
    const id = `${px.xmlId}-I${midi === undefined ? 0 : midi + 1}`;
    const name = midi === undefined ? instrument.name : drumName(midi);
    return [
      el('score-instrument', { id }, leaf('instrument-name', name), leaf('instrument-sound', instrument.soundId)),
      el('midi-instrument', { id }, leaf('midi-channel', 10), leaf('midi-program', instrument.midiProgram), midi !== undefined && leaf('midi-unpitched', midi + 1)),
    ];
  };
  const pieces = notes.length > 0 ? notes.map(kit) : [kit(undefined)];
  // The schema wants every score-instrument before the first midi-instrument.
  return [...pieces.map((p) => p[0]), ...pieces.map((p) => p[1])];
}

function partList(pxs: readonly PartExport[], score: ScoreDocument): XmlNode {
  let channel = 0;
  const parts = pxs.map((px) => {
    channel = px.drums ? channel : channel + (channel + 1 === 10 ? 2 : 1);
    const { part } = px;
    return el('score-part', { id: px.xmlId }, leaf('part-name', part.name), part.abbreviation !== '' && leaf('part-abbreviation', part.abbreviation), ...scoreInstruments(px, score, ((channel - 1) % 16) + 1));
  });
  return el('part-list', {}, ...parts);
}

function header(score: ScoreDocument, concertPitch: boolean): XmlNode[] {
  return [
    el('work', {}, leaf('work-title', score.title)),
    el(
      'identification',
      {},
      score.composer && leaf('creator', score.composer, { type: 'composer' }),
      score.arranger && leaf('creator', score.arranger, { type: 'arranger' }),
      score.copyright && leaf('rights', score.copyright),
      el('encoding', {}, leaf('software', 'BandPro')),
    ),
    concertPitch && el('defaults', {}, el('concert-score')),
    el('credit', { page: 1 }, leaf('credit-type', 'title'), leaf('credit-words', score.title)),
    score.subtitle && el('credit', { page: 1 }, leaf('credit-type', 'subtitle'), leaf('credit-words', score.subtitle)),
  ].filter((n): n is XmlNode => typeof n === 'object');
}

function keysInForce(score: ScoreDocument): KeySignature[] {
  let key = score.measures[0].keySignature as KeySignature;
  return score.measures.map((m) => (key = m.keySignature ?? key));
}

function selectParts(score: ScoreDocument, partIds: readonly string[] | undefined): Part[] {
  if (!partIds) return score.parts;
  const unknown = partIds.filter((id) => !score.parts.some((p) => p.id === id));
  const parts = score.parts.filter((p) => partIds.includes(p.id));
  if (unknown.length > 0 || parts.length === 0) throw new MusicXmlError('MUSICXML_PART_NOT_FOUND', 'Only parts of the score can be exported', { partIds: unknown });
  return parts;
}

/** An instrument no longer in the catalogue is written as an untransposed piano-like part under its own name. */
function instrumentOf(part: Part): InstrumentDefinition {
  const known = getInstrument(part.instrumentId);
  if (known) return known;
  const piano = getInstrument('piano') as InstrumentDefinition;
  return { ...piano, id: part.instrumentId, name: part.name, abbreviation: part.abbreviation, staves: part.staves, clefs: piano.clefs.slice(0, part.staves) };
}

function partExport(part: Part, i: number, score: ScoreDocument, concertPitch: boolean): PartExport {
  const instrument = instrumentOf(part);
  const t = instrument.transposition;
  return {
    part,
    xmlId: `P${i + 1}`,
    instrument,
    drums: instrument.percussion === true,
    toWritten: concertPitch || (t.diatonic === 0 && t.chromatic === 0) ? null : negateInterval(t),
    spanners: partSpanners(score.measures, part),
    ties: new Map(),
    carriesMeasureMarks: i === 0,
  };
}

/** MusicXML 4.0 (partwise) of a score, valid against the MusicXML 4.0 schema. */
export function exportMusicXml(score: ScoreDocument | Score, options: ExportMusicXmlOptions = {}): string {
  const concertPitch = options.concertPitch === true;
  const sx: ScoreExport = { state: stateFromScore({ ownerId: '', createdAt: '', ...score }), keys: keysInForce(score), divisions: divisionsFor(score), concertPitch };
  const pxs = selectParts(score, options.partIds).map((part, i) => partExport(part, i, score, concertPitch));
  const parts = pxs.map((px) => el('part', { id: px.xmlId }, ...score.measures.map((_, i) => measureNode(i, px, sx))));
  return serialise(el('score-partwise', { version: '4.0' }, ...header(score, concertPitch), partList(pxs, score), ...parts), DOCTYPE);
}

/** The same score as a compressed .mxl archive. */
export function exportMxl(score: ScoreDocument | Score, options: ExportMusicXmlOptions = {}): Uint8Array {
  return writeMxl(exportMusicXml(score, options));
}
