import {
  type Clef,
  compareF,
  defaultClef,
  entryOffsets,
  type Fraction,
  getInstrument,
  intervalFifths,
  type KeySignature,
  lteF,
  midiToPitch,
  pitchToMidi,
  type ScoreDocument,
  type StaffMeasure,
  type TimeSignature,
} from '@bandpro/domain';

/*
 * Documents compared modulo ids: every id is replaced by its position (parts and measures by index, the
 * rest by nothing) and marks are ordered by what they say. Two imports of the same music are equal here.
 */

type Json = Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function sortMarks<T extends { offset: Fraction }>(marks: readonly T[]): T[] {
  return [...marks].sort((a, b) => compareF(a.offset, b.offset) || (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

export function canonical(doc: ScoreDocument): Json {
  const measureIndex = new Map(doc.measures.map((m, i) => [m.id, `M${i}`]));
  const end = (e: { measureId: string; offset: Fraction }) => ({ measureId: measureIndex.get(e.measureId), offset: e.offset });
  const staff = (s: StaffMeasure) => ({
    clef: s.clef,
    voices: s.voices.map((v) => v.map((e) => (e.kind === 'rest' ? { ...e, id: '' } : { ...e, id: '', notes: e.notes.map((n) => ({ ...n, id: '' })) }))),
    dynamics: sortMarks(s.dynamics.map((d) => ({ ...d, id: '' }))),
    hairpins: sortMarks(s.hairpins.map((h) => ({ ...h, id: '', end: end(h.end) }))),
    slurs: sortMarks(s.slurs.map((x) => ({ ...x, id: '', end: end(x.end) }))),
    texts: sortMarks(s.texts.map((t) => ({ ...t, id: '' }))),
  });
  return {
    ...doc,
    scoreId: '',
    parts: doc.parts.map((p, i) => ({ ...p, id: `P${i}` })),
    measures: doc.measures.map((m, i) => ({
      ...m,
      id: `M${i}`,
      content: doc.parts.map((p) => ({ staves: m.content[p.id].staves.map(staff), chordSymbols: sortMarks(m.content[p.id].chordSymbols.map((c) => ({ ...c, id: '' }))) })),
    })),
  };
}

function withoutRedundantAttributes(doc: ScoreDocument): ScoreDocument {
  let time: TimeSignature | null = null;
  let key: KeySignature | null = null;
  const measures = doc.measures.map((m, i) => {
    const out = { ...m };
    if (i > 0 && same(m.timeSignature, time)) out.timeSignature = null;
    if (i > 0 && same(m.keySignature, key)) out.keySignature = null;
    time = m.timeSignature ?? time;
    key = m.keySignature ?? key;
    return out;
  });
  return { ...doc, measures };
}

function withExplicitClefs(doc: ScoreDocument): ScoreDocument {
  const measures = doc.measures.map((m) => ({ ...m, content: { ...m.content } }));
  for (const part of doc.parts) {
    for (let s = 0; s < part.staves; s++) {
      let inForce: Clef | null = null;
      measures.forEach((m, i) => {
        const pm = m.content[part.id];
        const staves = pm.staves.slice();
        const clef = staves[s].clef ?? (i === 0 ? defaultClef(part, s + 1) : null);
        staves[s] = { ...staves[s], clef: clef && same(clef, inForce) ? null : clef };
        inForce = clef ?? inForce;
        m.content[part.id] = { ...pm, staves };
      });
    }
  }
  return { ...doc, measures };
}

/** The entry start at or before `offset` in a voice: where MusicXML can put a slur's end. */
function snap(doc: ScoreDocument, measureId: string, partId: string, staff: number, voice: number, offset: Fraction): Fraction | undefined {
  const measure = doc.measures.find((m) => m.id === measureId);
  const entries = measure?.content[partId].staves[staff].voices[voice - 1] ?? [];
  return entryOffsets(entries).filter((o) => lteF(o, offset)).pop();
}

function mapStaves(doc: ScoreDocument, change: (s: StaffMeasure, partId: string, staff: number, measureId: string, index: number) => StaffMeasure): ScoreDocument {
  const measures = doc.measures.map((m, i) => {
    const content: typeof m.content = {};
    for (const [partId, pm] of Object.entries(m.content)) content[partId] = { ...pm, staves: pm.staves.map((s, k) => change(s, partId, k, m.id, i)) };
    return { ...m, content };
  });
  return { ...doc, measures };
}

/**
 * What a document becomes after export and import: the changes the MusicXML form makes on purpose
 * (clefs named at the start, repeated attributes dropped, drum notes spelt from their MIDI number,
 * slur ends moved to the note they are written on, a dynamic written twice at one place kept once).
 */
export function afterRoundTrip(doc: ScoreDocument): ScoreDocument {
  const index = new Map(doc.measures.map((m, i) => [m.id, i]));
  const drums = new Set(doc.parts.filter((p) => getInstrument(p.instrumentId)?.percussion).map((p) => p.id));
  const cleaned = mapStaves(doc, (s, partId, staff, measureId, i) => ({
    ...s,
    voices: !drums.has(partId) ? s.voices : s.voices.map((v) => v.map((e) => (e.kind === 'rest' ? e : { ...e, notes: e.notes.map((n) => ({ ...n, pitch: midiToPitch(pitchToMidi(n.pitch)) })) }))),
    dynamics: s.dynamics.filter((d, k) => !s.dynamics.slice(0, k).some((x) => x.value === d.value && compareF(x.offset, d.offset) === 0)),
    slurs: s.slurs.flatMap((x) => {
      const from = snap(doc, measureId, partId, staff, x.voice, x.offset);
      const to = snap(doc, x.end.measureId, partId, staff, x.voice, x.end.offset);
      const endIndex = index.get(x.end.measureId) as number;
      if (!from || !to || endIndex < i || (endIndex === i && lteF(to, from))) return [];
      return [{ ...x, offset: from, end: { ...x.end, offset: to } }];
    }),
  }));
  return withExplicitClefs(withoutRedundantAttributes(cleaned));
}

/** A transposing part whose written key would pass seven sharps or flats (it is written enharmonically). */
export function needsRespeltKey(doc: ScoreDocument): boolean {
  const keys = doc.measures.flatMap((m) => (m.keySignature ? [m.keySignature] : []));
  return doc.parts.some((p) => {
    const t = getInstrument(p.instrumentId)?.transposition;
    return t !== undefined && keys.some((k) => Math.abs(k.fifths - intervalFifths(t)) > 7);
  });
}
