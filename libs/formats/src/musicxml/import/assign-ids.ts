import { compareF, formatChordSymbol, type Fraction, type Measure, type PartMeasure, type ScoreDocument, type StaffMeasure } from '@bandpro/domain';

/*
 * Ids are handed out last, walking the finished document in a fixed order (score, parts, measures, then
 * each measure's content). The same music therefore always gets the same sequence of ids, whatever the
 * file looked like: an import of an export is the same document when the generator is deterministic.
 * Marks at one offset are ordered by what they say, so the order does not depend on the file either.
 */

type Ids = () => string;

function sortMarks<T extends { offset: Fraction }>(marks: T[], key: (m: T) => string): T[] {
  return marks.map((m) => ({ m, k: key(m) })).sort((a, b) => compareF(a.m.offset, b.m.offset) || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)).map((x) => x.m);
}

function staffWithIds(staff: StaffMeasure, ids: Ids, measureId: (draft: string) => string): StaffMeasure {
  const voices = staff.voices.map((voice) =>
    voice.map((e) => (e.kind === 'rest' ? { ...e, id: ids() } : { ...e, id: ids(), notes: e.notes.map((n) => ({ ...n, id: ids() })) })),
  );
  const end = (p: { measureId: string; offset: Fraction }) => `${measureId(p.measureId)}@${p.offset.num}/${p.offset.den}`;
  return {
    clef: staff.clef,
    voices,
    dynamics: sortMarks(staff.dynamics, (d) => d.value).map((d) => ({ ...d, id: ids() })),
    hairpins: sortMarks(staff.hairpins, (h) => `${h.kind}${end(h.end)}`).map((h) => ({ ...h, id: ids(), end: { ...h.end, measureId: measureId(h.end.measureId) } })),
    slurs: sortMarks(staff.slurs, (s) => `${s.voice}${end(s.end)}`).map((s) => ({ ...s, id: ids(), end: { ...s.end, measureId: measureId(s.end.measureId) } })),
    texts: sortMarks(staff.texts, (t) => t.text).map((t) => ({ ...t, id: ids() })),
  };
}

function partMeasureWithIds(pm: PartMeasure, ids: Ids, measureId: (draft: string) => string): PartMeasure {
  const staves = pm.staves.map((s) => staffWithIds(s, ids, measureId));
  const chordSymbols = sortMarks(pm.chordSymbols, (c) => formatChordSymbol(c.symbol, 'ascii')).map((c) => ({ ...c, id: ids() }));
  return { staves, chordSymbols };
}

export function assignIds(draft: ScoreDocument, ids: Ids): ScoreDocument {
  const scoreId = ids();
  const partIds = new Map(draft.parts.map((p) => [p.id, ids()]));
  const measureIds = new Map(draft.measures.map((m) => [m.id, ids()]));
  const measureId = (d: string) => measureIds.get(d) as string;
  const measures = draft.measures.map((m): Measure => {
    const content: Measure['content'] = {};
    for (const part of draft.parts) content[partIds.get(part.id) as string] = partMeasureWithIds(m.content[part.id], ids, measureId);
    return { ...m, id: measureId(m.id), content };
  });
  return { ...draft, scoreId, parts: draft.parts.map((p) => ({ ...p, id: partIds.get(p.id) as string })), measures };
}
